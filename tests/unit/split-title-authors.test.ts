import { describe, expect, it } from 'vitest';
import { authorCost, personNameCost } from '../../src/lib/split/name-shape.ts';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { buildSplitLexicon, gluePositions, readAuthorList, splitTitleAuthors, stripListTail } from '../../src/lib/split/split-title-authors.ts';
import { cardTitleLine, realPapers } from '../helpers.ts';

describe('name shapes', () => {
  it('accepts initials, particles, hyphens, apostrophes, diacritics and inner capitals', () => {
    for (const name of ['M. Emrullah Ildiz', 'Aäron van den Oord', 'Bertrand Le Saux', 'Damon Mosk-Aoyama', "Kevin O'Brien", "A. Dall'Aglio", 'Jan Koutník', 'Łukasz Kaiser', 'Yann LeCun', 'Ryan McDonald', 'J.-P. Serre', 'Martin Luther King Jr.', '张三']) {
      expect(personNameCost(name), name).toBeLessThan(2);
    }
  });
  it('accepts organisations that sign papers', () => {
    for (const name of ['OpenAI', 'DeepSeek-AI', 'Gemini Team', 'ATLAS Collaboration']) expect(authorCost(name), name).toBeLessThan(4);
  });
  it('rejects title fragments', () => {
    for (const text of ['for Phonetic PerceptionChenxu Guo', 'PER: A Human-Inspired', 'Models via', 'Michael I.', 'Framework for']) {
      expect(authorCost(text), text).toBe(Infinity);
    }
  });
  it('makes a name that starts with a particle less likely than one with a given name', () => {
    expect(personNameCost('van den Oord')).toBeGreaterThan(personNameCost('Aäron van den Oord') + 1);
  });
});

describe('list tail', () => {
  it('takes off affiliations after " · " and "et al."', () => {
    expect(stripListTail('OVERT: A Benchmark for Over-Refusal Evaluation on Text-to-Image ModelsZiheng Cheng, Yixiao Huang, Hui Xu et al. · berkeley')).toEqual({
      body: 'OVERT: A Benchmark for Over-Refusal Evaluation on Text-to-Image ModelsZiheng Cheng, Yixiao Huang, Hui Xu',
      truncated: true,
      affiliations: ['berkeley'],
    });
  });
  it('finds glue points only where no space precedes a capital', () => {
    const part = 'Last ExamYiyou Sun';
    expect(gluePositions(part).map((position) => part.slice(position))).toEqual(['Yiyou Sun']);
  });
});

describe('title/author split on the seeds', () => {
  const cases: Array<[string, string, string[], boolean]> = [
    ['HuPER: A Human-Inspired Framework for Phonetic PerceptionChenxu Guo, Jiachen Lian, Yisi Liu et al.', 'HuPER: A Human-Inspired Framework for Phonetic Perception', ['Chenxu Guo', 'Jiachen Lian', 'Yisi Liu'], true],
    ['Plan, Verify and Fill: A Structured Parallel Decoding Approach for Diffusion Language ModelsMiao Li, Hanyang Jiang, Sikai Cheng et al.', 'Plan, Verify and Fill: A Structured Parallel Decoding Approach for Diffusion Language Models', ['Miao Li', 'Hanyang Jiang', 'Sikai Cheng'], true],
    ["Towards a Theoretical Understanding of the 'Reversal Curse' via Training DynamicsHanlin Zhu, Baihe Huang, Shaolun Zhang et al.", "Towards a Theoretical Understanding of the 'Reversal Curse' via Training Dynamics", ['Hanlin Zhu', 'Baihe Huang', 'Shaolun Zhang'], true],
    ['Evaluating and Incentivizing Diverse Data Contributions in Collaborative LearningBaihe Huang, Sai Praneeth Karimireddy, Michael I. Jordan', 'Evaluating and Incentivizing Diverse Data Contributions in Collaborative Learning', ['Baihe Huang', 'Sai Praneeth Karimireddy', 'Michael I. Jordan'], false],
    ['From Self-Attention to Markov Models: Unveiling the Dynamics of Generative TransformersM. Emrullah Ildiz, Yixiao Huang, Yingcong Li et al.', 'From Self-Attention to Markov Models: Unveiling the Dynamics of Generative Transformers', ['M. Emrullah Ildiz', 'Yixiao Huang', 'Yingcong Li'], true],
    ['PivotRL: High Accuracy Agentic Post-Training at Low Compute CostJunkeun Yi, Damon Mosk-Aoyama, Baihe Huang et al.', 'PivotRL: High Accuracy Agentic Post-Training at Low Compute Cost', ['Junkeun Yi', 'Damon Mosk-Aoyama', 'Baihe Huang'], true],
    ['Generalization or Hallucination? Understanding Out-of-Context Reasoning in TransformersYixiao Huang, Hanlin Zhu, Tianyu Guo et al.', 'Generalization or Hallucination? Understanding Out-of-Context Reasoning in Transformers', ['Yixiao Huang', 'Hanlin Zhu', 'Tianyu Guo'], true],
  ];
  it.each(cases)('%s', (line, title, authors, truncated) => {
    const split = splitTitleAuthors(line);
    expect(split).toMatchObject({ title, authors, truncated, found: true });
  });
  it('keeps the affiliation of OVERT', () => {
    expect(splitTitleAuthors('OVERT: A Benchmark for Over-Refusal Evaluation on Text-to-Image ModelsZiheng Cheng, Yixiao Huang, Hui Xu et al. · berkeley')).toMatchObject({
      title: 'OVERT: A Benchmark for Over-Refusal Evaluation on Text-to-Image Models',
      authors: ['Ziheng Cheng', 'Yixiao Huang', 'Hui Xu'],
      affiliations: ['berkeley'],
    });
  });
});

describe('title/author split on hard titles and names', () => {
  const cases: Array<[string, string[]]> = [
    ['Mistral 7B', ['Albert Q. Jiang', 'Alexandre Sablayrolles', 'Arthur Mensch', 'Chris Bamford']],
    ['DeepSeek-V3 Technical Report', ['DeepSeek-AI']],
    ['GPT-4 Technical Report', ['OpenAI']],
    ['DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning', ['DeepSeek-AI', 'Daya Guo', 'Dejian Yang', 'Haowei Zhang']],
    ['Large Language Diffusion Models with LLaDA', ['Shen Nie', 'Fengqi Zhu']],
    ['WaveNet: A Generative Model for Raw Audio', ['Aäron van den Oord', 'Sander Dieleman', 'Heiga Zen', 'Karen Simonyan']],
    ['Gradient-Based Learning Applied to Document Recognition', ['Yann LeCun', 'Léon Bottou', 'Yoshua Bengio', 'Patrick Haffner']],
    ['A Clockwork RNN', ['Jan Koutník', 'Klaus Greff', 'Faustino Gomez', 'Jürgen Schmidhuber']],
    ['Attention Is All You Need', ['Łukasz Kaiser', 'Illia Polosukhin']],
    ['Can Language Models Learn to Skip Steps?', ['Tengxiao Liu', 'Qipeng Guo']],
    ['Proximal Policy Optimization (PPO)', ['John Schulman', 'Filip Wolski']],
    ['Semantic Segmentation of Aerial Images', ['Bertrand Le Saux', 'Nicolas Audebert']],
    ["Deep Learning for Prices at McDonald's", ['Ryan McDonald', "Kevin O'Brien"]],
    ['Gemini: A Family of Highly Capable Multimodal Models', ['Gemini Team', 'Rohan Anil', 'Sebastian Borgeaud', 'Yonghui Wu']],
    ['Qwen2.5 Technical Report', ['Qwen Team']],
    ['Scaling Laws for Neural Language Models', ['Jared Kaplan', 'Sam McCandlish', 'Tom Henighan', 'Tom B. Brown']],
    ['Is ChatGPT a Good NLG Evaluator?', ['Jiaan Wang', 'Yunlong Liang']],
    ['BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova']],
    ['Explaining GPT-4 with GPT-4 (and why)', ['Steven Bills', 'Nick Cammarata']],
    ['A Survey of Large Language Models', ['张三', '李四']],
    ['Rethinking RLHF', ['Martin Luther King Jr.', 'Ada Lovelace']],
    ['Learning with OpenAI', ['Jordan Hoffmann']],
    ['Comment on “Quantum Supremacy”', ['Edwin Pednault', 'John A. Gunnels']],
  ];
  it.each(cases)('%s', (title, authors) => {
    const split = splitTitleAuthors(cardTitleLine({ title, authors }));
    expect([split.title, split.authors, split.truncated]).toEqual([title, authors.slice(0, 3), authors.length > 3]);
  });

  it('gives up honestly on a line with no plausible author list', () => {
    expect(splitTitleAuthors('a line with no names at all')).toMatchObject({ title: 'a line with no names at all', authors: [], found: false });
  });
});

describe('title/author split on real arXiv metadata', () => {
  const papers = realPapers();
  const lines = papers.map(cardTitleLine);
  const expectedOf = (index: number) => [papers[index]?.title, papers[index]?.authors.slice(0, 3)];

  it('has at least 100 real titles to test on', () => {
    expect(papers.length).toBeGreaterThanOrEqual(100);
  });

  it('splits every real title correctly with the corpus lexicon', () => {
    const lexicon = buildSplitLexicon(lines);
    const wrong = lines.flatMap((line, index) => {
      const split = splitTitleAuthors(line, lexicon, { abstract: papers[index]?.abstract ?? '' });
      const got = [split.title, split.authors];
      return JSON.stringify(got) === JSON.stringify(expectedOf(index)) ? [] : [{ line, got }];
    });
    expect(wrong).toEqual([]);
  });

  it('splits at least 98% correctly from name shapes alone', () => {
    const right = lines.filter((line, index) => {
      const split = splitTitleAuthors(line);
      return JSON.stringify([split.title, split.authors]) === JSON.stringify(expectedOf(index));
    }).length;
    expect(right / lines.length).toBeGreaterThanOrEqual(0.98);
  });
});

describe('an author list on a line of its own', () => {
  it('reads the names, "and", "et al." and affiliations, after an optional "Authors:" label', () => {
    expect(readAuthorList('Authors: Yann LeCun, Léon Bottou, Yoshua Bengio, and Patrick Haffner')).toEqual({
      authors: ['Yann LeCun', 'Léon Bottou', 'Yoshua Bengio', 'Patrick Haffner'],
      truncated: false,
      affiliations: [],
      unsure: [],
    });
    expect(readAuthorList('A. Smith and B. Jones')?.authors).toEqual(['A. Smith', 'B. Jones']);
    expect(readAuthorList('Ziheng Cheng, Yixiao Huang, Hui Xu et al. · berkeley')).toEqual({ authors: ['Ziheng Cheng', 'Yixiao Huang', 'Hui Xu'], truncated: true, affiliations: ['berkeley'], unsure: [] });
  });

  it('reads no abstract, sentence or lone word as one', () => {
    for (const line of ['We study the problem of learning', 'This paper is withdrawn.', 'Withdrawn', 'Comments welcome', 'Recent AI systems have achieved strong results, yet these gains have not translated']) {
      expect(readAuthorList(line), line).toBeNull();
    }
  });

  it('gives every real sample its exact title and whole author list when the card puts the authors below the title, as arXiv does', () => {
    const papers = realPapers();
    const text = papers.map((paper, i) => `LGJun ${1 + (i % 28)}, 2021\n${paper.title}\n${paper.authors.join(', ')}\n${paper.abstract}\n`).join('\n');
    const corpus = buildCorpus([{ file: 'cards.txt', text }]);
    expect(corpus.papers).toHaveLength(papers.length);
    const byTitle = new Map(corpus.papers.map((paper) => [paper.title, paper]));
    const wrong = papers.filter((paper) => JSON.stringify(byTitle.get(paper.title)?.authors.map((author) => author.name)) !== JSON.stringify(paper.authors));
    expect(wrong.map((paper) => paper.title)).toEqual([]);
    expect(corpus.papers.every((paper) => paper.abstract !== null && !paper.authorsTruncated)).toBe(true);
    // Nothing about titles, authors or stray lines; two real papers of one series share an abstract, which is said.
    const issues = corpus.report.files.flatMap((file) => file.issues);
    expect(issues.filter((issue) => !issue.message.includes('abstract is near-identical'))).toEqual([]);
  });
});
