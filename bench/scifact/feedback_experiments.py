#!/usr/bin/env python3
"""Train-split experiments behind the feedback rows of docs/benchmarks.md (issue #3).

A harness over the same FTS5 index the SQLite store builds (whole abstracts, title and text
columns, porter tokenizer, bm25 with the title weighted 2), with RM3 feedback computed the way
Rm3Reranker does from fts5vocab. Its default configuration reproduces `ragpapers eval` with
RAGPAPERS_Retrieval__KeywordWeight=1 to 4 decimals, so changes can be tried here in seconds.

    python3 bench/scifact/feedback_experiments.py sweep         # RM3 parameters, one at a time
    python3 bench/scifact/feedback_experiments.py rerank        # learned re-ranker, 2-fold CV
    python3 bench/scifact/feedback_experiments.py termweights   # learned query-term weights, 2-fold CV
    python3 bench/scifact/feedback_experiments.py bm25params    # BM25's k1, b and title weight, both passes

Standard library only (sqlite3 with FTS5). Data: --data (default ../shared/data/scifact).
"""
import argparse, collections, json, math, os, random, re, sqlite3, tempfile

# RagPapers.Text.TextAnalyzer's stop words: the query side drops them as FtsQuery does.
STOP = set("""a about above after again all also am an and any are as at be been being both but by can could
did do does doing done during each either etc few for from further had has have having he her here hers him his
how however i if in into is it its itself just may me might more most much must my no nor not of off on once one
only or other our ours out over own same she should so some such than that the their theirs them then there these
they this those through thus to too under until up upon us use used uses using very via was we were what when where
which while who whom why will with within without would yet you your paper papers propose proposed proposes present
presents show shows work approach method methods new novel based tell find know anything something any there explain
describe study studies research does did let lets way ways many make makes""".split())
K1, B, TITLE = 1.2, 0.75, 2.0


class Harness:
    def __init__(self, data):
        self.data = data
        self.docs, self.order = {}, []
        for line in open(os.path.join(data, "corpus.jsonl")):
            d = json.loads(line)
            self.docs[d["_id"]] = d
            self.order.append(d["_id"])
        self.con = sqlite3.connect(os.path.join(tempfile.mkdtemp(), "scifact.db"))
        self.con.execute("CREATE VIRTUAL TABLE f USING fts5(title, text, content='', tokenize='porter unicode61')")
        self.con.executemany("INSERT INTO f(rowid, title, text) VALUES (?, ?, ?)",
                             [(i + 1, self.docs[k]["title"], self.docs[k]["text"]) for i, k in enumerate(self.order)])
        self.con.execute("CREATE VIRTUAL TABLE vi USING fts5vocab(f, 'instance')")
        self.n = len(self.order)
        self.tf = collections.defaultdict(collections.Counter)  # doc -> (stem, column) -> count
        self.pos = collections.defaultdict(lambda: collections.defaultdict(list))
        for term, doc, col, off in self.con.execute("SELECT term, doc, col, offset FROM vi"):
            self.tf[doc][(term, col)] += 1
            self.pos[doc][term].append((col, off))
        self.df = collections.Counter(t for c in self.tf.values() for t in {t for t, _ in c})
        self.length = {d: sum(c.values()) for d, c in self.tf.items()}
        self.avg = sum(self.length.values()) / self.n
        self.rows, self.first_cache, self.stems = {}, {}, {}
        self.scratch = sqlite3.connect(":memory:")
        self.scratch.execute("CREATE VIRTUAL TABLE s USING fts5(x, tokenize='porter unicode61')")
        self.scratch.execute("CREATE VIRTUAL TABLE sv USING fts5vocab(s, 'instance')")

    def queries(self, split):
        texts = {json.loads(l)["_id"]: json.loads(l)["text"] for l in open(os.path.join(self.data, "queries.jsonl"))}
        rel = collections.defaultdict(dict)
        for i, line in enumerate(open(os.path.join(self.data, f"qrels-{split}.tsv"))):
            if i:
                q, d, s = line.split()
                rel[q][d] = int(s)
        return {q: texts[q] for q in rel}, rel

    def terms(self, text):
        """FtsQuery.Terms then SelectInformativeTermsAsync: distinct non-stop words in fewer than half the rows."""
        out = []
        for w in re.findall(r"[^\W_]+", text.lower()):
            if (len(w) > 1 or w.isdigit()) and w not in STOP and w not in out:
                out.append(w)
        kept = []
        for w in out[:64]:
            if w not in self.rows:
                self.rows[w] = self.con.execute("SELECT count(*) FROM f WHERE f MATCH ?", (quote(w),)).fetchone()[0]
            if 0 < self.rows[w] and 2 * self.rows[w] < self.n:
                kept.append(w)
        return kept

    def stem(self, word):
        if word not in self.stems:
            self.scratch.execute("DELETE FROM s")
            self.scratch.execute("INSERT INTO s VALUES (?)", (word,))
            row = self.scratch.execute("SELECT term FROM sv").fetchone()
            self.stems[word] = row[0] if row else word
        return self.stems[word]

    def first(self, text, top=300):
        if text not in self.first_cache:
            terms = self.terms(text)
            hits = self.con.execute(
                f"SELECT rowid, -bm25(f, {TITLE}, 1.0) s FROM f WHERE f MATCH ? ORDER BY s DESC LIMIT ?",
                (" OR ".join(quote(t) for t in terms), top)).fetchall() if terms else []
            self.first_cache[text] = (terms, hits)
        return self.first_cache[text]

    def idf(self, t):
        n = self.df.get(t, 0)
        return max(1e-6, math.log((self.n - n + 0.5) / (n + 0.5)))

    def bm25(self, t, d, title=TITLE, k1=K1, b=B):
        """FTS5's bm25() for one term: column weights inside the saturation, whole-row length."""
        c = self.tf[d]
        f = title * c.get((t, "title"), 0) + c.get((t, "text"), 0)
        if not f:
            return 0.0
        return self.idf(t) * f * (k1 + 1) / (f + k1 * (1 - b + b * self.length[d] / self.avg))

    def first_in_python(self, text, k1, b, title, top=300):
        """The first pass with other BM25 parameters than FTS5's fixed ones, over every row holding a term."""
        terms = self.terms(text)
        if not hasattr(self, "postings"):
            self.postings = collections.defaultdict(set)
            for d, c in self.tf.items():
                for t, _ in c:
                    self.postings[t].add(d)
        scores = collections.Counter()
        for t in (self.stem(w) for w in terms):
            for d in self.postings.get(t, ()):
                scores[d] += self.bm25(t, d, title, k1, b)
        return terms, sorted(scores.items(), key=lambda p: (-p[1], p[0]))[:top]

    def expansion(self, hits, fb=10, nt=40, tau=1.0, dfmax=0.5):
        best, p = hits[0][1], collections.Counter()
        for d, s in hits[:fb]:
            w = math.exp((s - best) / tau) / self.length[d]
            for (term, _), f in self.tf[d].items():
                p[term] += w * f
        chosen = [(t, w) for t, w in p.most_common()
                  if self.df[t] < dfmax * self.n and t not in STOP and not t.isdigit()][:nt]
        z = sum(w for _, w in chosen) or 1
        return [(t, w / z) for t, w in chosen]

    def rm3(self, text, fb=10, nt=40, lam=0.6, tau=1.0, title=TITLE, dfmax=0.5, weights=None):
        terms, hits = self.first(text)
        if not hits:
            return []
        exp = self.expansion(hits, fb, nt, tau, dfmax)
        stems = [self.stem(w) for w in terms] if weights is not None else None
        scores = {}
        for d, s in hits:
            original = s if stems is None else sum(weights.get(t, 1.0) * self.bm25(t, d) for t in stems)
            scores[d] = lam * original / max(1, len(terms)) + (1 - lam) * sum(w * self.bm25(t, d, title) for t, w in exp)
        return sorted(scores, key=lambda d: -scores[d])[:100]

    def evaluate(self, split, rank, ids=None):
        texts, rel = self.queries(split)
        ids = ids if ids is not None else list(texts)
        n = r = 0.0
        for q in ids:
            ranked = [self.order[d - 1] for d in rank(texts[q])]
            n += ndcg(ranked, rel[q])
            r += recall(ranked, rel[q])
        return n / len(ids), r / len(ids)


def quote(t):
    return '"' + t.replace('"', '""') + '"'


def ndcg(ranked, rel, k=10):
    dcg = sum(rel.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranked[:k]))
    idcg = sum(r / math.log2(i + 2) for i, r in enumerate(sorted(rel.values(), reverse=True)[:k]))
    return dcg / idcg if idcg else 0.0


def recall(ranked, rel, k=100):
    judged = [d for d, r in rel.items() if r > 0]
    return len(set(ranked[:k]) & set(judged)) / len(judged)


def sweep(h):
    base = dict(fb=10, nt=40, lam=0.6, tau=1.0, title=TITLE, dfmax=0.5)
    print("base", base, h.evaluate("train", lambda t: h.rm3(t, **base)))
    grid = {"fb": [5, 8, 15, 20], "nt": [20, 30, 50, 60, 80], "lam": [0.5, 0.55, 0.65, 0.7],
            "tau": [0.5, 2.0, 4.0], "title": [1.0, 3.0], "dfmax": [0.1, 0.25]}
    for key, values in grid.items():
        for v in values:
            kw = dict(base, **{key: v})
            print(key, v, h.evaluate("train", lambda t: h.rm3(t, **kw)), flush=True)


def features(h, text):
    """Per candidate: RM3 score, first-pass part, expansion part, IDF coverage, title coverage, proximity, length."""
    terms, hits = h.first(text)
    if not hits:
        return []
    exp = h.expansion(hits)
    stems = list(dict.fromkeys(h.stem(w) for w in terms))
    idfs = [h.idf(t) for t in stems]
    total = sum(idfs) or 1
    rows = []
    for d, s in hits:
        original = s / max(1, len(terms))
        expanded = sum(w * h.bm25(t, d) for t, w in exp)
        c, p = h.tf[d], h.pos[d]
        coverage = sum(i for t, i in zip(stems, idfs) if (t, "title") in c or (t, "text") in c) / total
        title = sum(i for t, i in zip(stems, idfs) if (t, "title") in c) / total
        near = sum(1 for a, b in zip(stems, stems[1:]) if a in p and b in p and any(
            (col, o + k) in set(p[b]) for col, o in p[a] for k in (1, 2, 3))) / max(1, len(stems) - 1)
        rows.append((d, [0.6 * original + 0.4 * expanded, original, expanded, coverage, title, near,
                         math.log(1 + h.length[d])]))
    rows.sort(key=lambda r: -r[1][0])
    return rows[:100]


def rerank(h):
    texts, rel = h.queries("train")
    data = []
    for q, t in texts.items():
        rows = features(h, t)
        cols = list(zip(*[f for _, f in rows])) if rows else []
        norm = [[(x - min(c)) / (max(c) - min(c)) if max(c) > min(c) else 0.0 for x in c] for c in cols]
        data.append((list(zip(*norm)) if rows else [], [h.order[d - 1] for d, _ in rows], rel[q]))

    def score(qs, w):
        return sum(ndcg([ids[i] for i in sorted(range(len(x)), key=lambda i: -sum(a * b for a, b in zip(w, x[i])))],
                        r) for x, ids, r in qs if x) / len(qs)

    def ascend(qs, w, feats):
        best = score(qs, w)
        for _ in range(3):
            for f in feats:
                for step in (-0.5, -0.2, -0.1, -0.05, 0.05, 0.1, 0.2, 0.5):
                    trial = list(w)
                    trial[f] += step
                    s = score(qs, trial)
                    if s > best + 1e-5:
                        best, w = s, trial
        return w

    random.seed(1)
    random.shuffle(data)
    a, b = data[: len(data) // 2], data[len(data) // 2:]
    base = [1, 0, 0, 0, 0, 0, 0]
    print("RM3 alone", round(score(data, base), 4))
    for feats in ([3], [4], [5], [3, 4, 5], [1, 2, 3, 4, 5]):
        wa, wb = ascend(a, base, feats), ascend(b, base, feats)
        cv = (score(b, wa) * len(b) + score(a, wb) * len(a)) / len(data)
        print("features", feats, "cross-validated", round(cv, 4), flush=True)


def termweights(h):
    texts, rel = h.queries("train")
    row = {k: i + 1 for i, k in enumerate(h.order)}

    def learn(ids, alpha):
        support, hit = collections.Counter(), collections.Counter()
        for q in ids:
            for t in {h.stem(w) for w in h.terms(texts[q])}:
                support[t] += 1
                hit[t] += any((t, "title") in h.tf[row[d]] or (t, "text") in h.tf[row[d]] for d in rel[q])
        prior = sum(hit.values()) / sum(support.values())
        return {t: (hit[t] + alpha * prior) / (support[t] + alpha) / prior for t in support if support[t] >= 3}

    ids = list(texts)
    random.seed(3)
    random.shuffle(ids)
    a, b = ids[: len(ids) // 2], ids[len(ids) // 2:]
    print("unweighted", [round(h.evaluate("train", lambda t: h.rm3(t, weights={}), half)[0], 4) for half in (a, b)])
    for alpha in (2, 5, 10):
        wa, wb = learn(a, alpha), learn(b, alpha)
        print("alpha", alpha, "B with A's weights", round(h.evaluate("train", lambda t: h.rm3(t, weights=wa), b)[0], 4),
              "A with B's weights", round(h.evaluate("train", lambda t: h.rm3(t, weights=wb), a)[0], 4), flush=True)


def bm25params(h):
    def rank(text, k1, b, title, lam=0.6):
        terms, hits = h.first_in_python(text, k1, b, title)
        if not hits:
            return []
        exp = h.expansion(hits)
        scores = {d: lam * s / len(terms) + (1 - lam) * sum(w * h.bm25(t, d, title, k1, b) for t, w in exp) for d, s in hits}
        return sorted(scores, key=lambda d: -scores[d])[:100]

    grid = [(K1, B, TITLE)] + [(k1, b, TITLE) for k1 in (0.9, 1.5, 2.0) for b in (0.5, 0.75, 0.9)]
    grid += [(K1, b, TITLE) for b in (0.5, 0.6, 0.9)] + [(K1, B, title) for title in (1.0, 1.5, 3.0)]
    for k1, b, title in grid:
        print("k1", k1, "b", b, "title", title, h.evaluate("train", lambda t: rank(t, k1, b, title)), flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("experiment", choices=["sweep", "rerank", "termweights", "bm25params"])
    parser.add_argument("--data", default="../shared/data/scifact")
    args = parser.parse_args()
    harness = Harness(args.data)
    {"sweep": sweep, "rerank": rerank, "termweights": termweights, "bm25params": bm25params}[args.experiment](harness)
