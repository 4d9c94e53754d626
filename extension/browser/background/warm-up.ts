/**
 * Warming the core up while a page is still being read. A fresh background's
 * first analyses run cold: V8 compiles the core's functions and gathers their
 * type feedback as it goes (on the 965 KB vbpl.vn page the first analysis
 * took ≈ 390 ms, the second ≈ 115, the third ≈ 36). The content script sends
 * the page's text ahead in parts; analysing the first part as soon as it
 * arrives (the results thrown away) does that compiling while the rest of the
 * page is read, so the analysis the page waits for runs on warmed code.
 *
 * The part is analysed in pieces, each in a task of its own, and the warm-up
 * stops as soon as an analysis is asked for: the request then waits for one
 * piece at most, not for a whole cold analysis of the part (on a cold
 * background that took about as long as the cold analysis it was to spare).
 */
export class WarmUp {
  /** Analyses asked for in this background's life. */
  private asked = 0;

  /**
   * @param coldAnalyses how many analyses of a fresh background a warm-up goes before
   * @param pieceChars the characters of the part analysed in one task
   * @param prepare resolves with the analysis to warm up with (it may wait, e.g. for the registry)
   * @param later runs its callback in a task of its own, after the message that brought the part is answered
   */
  constructor(
    private readonly coldAnalyses: number,
    private readonly pieceChars: number,
    private readonly prepare: () => Promise<(text: string) => unknown>,
    private readonly later: (run: () => void) => void = (run) => void setTimeout(run, 0),
  ) {}

  /** The first part of a page's text arrived: analysed, piece by piece, while the background is still cold. */
  firstPart(text: string): void {
    if (this.asked >= this.coldAnalyses) return;
    const at = this.asked;
    // An analysis asked for meanwhile warms the core itself: a warm-up then would only delay what comes next.
    const wanted = () => this.asked === at;
    let from = 0;
    const piece = (analyse: (text: string) => unknown) => {
      if (!wanted() || from >= text.length) return;
      try {
        analyse(text.slice(from, from + this.pieceChars));
      } catch {
        return;
      }
      from += this.pieceChars;
      this.later(() => piece(analyse));
    };
    this.later(() => {
      void this.prepare()
        .then((analyse) => piece(analyse))
        .catch(() => undefined);
    });
  }

  /** An analysis was asked for (counted when it is asked, before it waits for the settings or the registry). */
  asking(): void {
    this.asked++;
  }
}
