import type { Neighbour } from './tfidf-index.js';

/**
 * The `k` best documents offered so far, one entry per document. Offering a document again
 * raises its score; `floor` is the lowest score kept once `k` are kept (-Infinity before), so a
 * caller can skip offers that cannot enter.
 */
export class TopK {
  private readonly documents: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;
  private lowest = 0;
  /** The lowest score kept when full, -Infinity until then. */
  floor = Number.NEGATIVE_INFINITY;

  constructor(private readonly k: number) {
    this.documents = new Int32Array(k);
    this.scores = new Float64Array(k);
  }

  /** The sum of the kept scores. */
  get sum(): number {
    let total = 0;
    for (let index = 0; index < this.size; index++) total += this.scores[index]!;
    return total;
  }

  /** True once `k` documents are kept. */
  get full(): boolean {
    return this.size === this.k;
  }

  /** Keeps `document` with `score` when it is already kept (score raised) or beats the floor. */
  offer(document: number, score: number): void {
    const { documents, scores } = this;
    for (let index = 0; index < this.size; index++) {
      if (documents[index] !== document) continue;
      if (score > scores[index]!) {
        scores[index] = score;
        if (this.full) this.updateFloor();
      }
      return;
    }
    if (!this.full) {
      documents[this.size] = document;
      scores[this.size] = score;
      this.size++;
      if (this.full) this.updateFloor();
    } else if (score > this.floor) {
      documents[this.lowest] = document;
      scores[this.lowest] = score;
      this.updateFloor();
    }
  }

  /** The kept documents, most similar first (ties: lower document first). */
  neighbours(): Neighbour[] {
    const result: Neighbour[] = [];
    for (let index = 0; index < this.size; index++) {
      result.push({ document: this.documents[index]!, similarity: this.scores[index]! });
    }
    return result.sort((a, b) => b.similarity - a.similarity || a.document - b.document);
  }

  private updateFloor(): void {
    let lowest = 0;
    for (let index = 1; index < this.size; index++) if (this.scores[index]! < this.scores[lowest]!) lowest = index;
    this.lowest = lowest;
    this.floor = this.scores[lowest]!;
  }
}
