#!/usr/bin/env python3
"""Offline exploration of text models for article credibility, by 5-fold cross-validation
on GossipCop train only (dev is never read here). Input: the TSV of
build/bench/credibility_dump. Needs Debian's python3-sklearn. Nothing here ships; a model
that wins here is then built into src/score and measured on dev once.

  build/bench/credibility_dump --out /tmp/cred.tsv
  /usr/bin/python3 bench/credibility_explore.py /tmp/cred.tsv text|nblr|stack|knn

Prints, per configuration, the out-of-fold macro-F1 at the best threshold in 0.20..0.80
(chosen on the same out-of-fold scores, as the trainer does). Folds: StratifiedKFold(5,
shuffle, random_state=0). Figures: bench/results/2026-12-07-s6-credibility.txt.
"""
import sys
from collections import defaultdict

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold


def load(path):
    rows = []
    for line in open(path, encoding='utf-8', errors='replace'):
        split, label, title, body, dense, host, cited, auth, sec = line.rstrip('\n').split('\t')
        if split != 'train':
            continue
        rows.append(dict(y=int(label), text=title + ' ' + body, dense=[float(x) for x in dense.strip(',').split(',')],
                         host=host, cited=[c for c in cited.split('|') if c], auth=[a for a in auth.split('|') if a], sec=sec))
    return rows


def best_threshold(p, y):
    return max((f1_score(y, (p >= t).astype(int), average='macro'), t) for t in np.arange(0.2, 0.81, 0.01))


def oof_logits(X, y, folds, C):
    oof = np.zeros(len(y))
    for a, b in folds:
        oof[b] = LogisticRegression(C=C, max_iter=3000, solver='liblinear').fit(X[a], y[a]).decision_function(X[b])
    return oof


def nb_ratio(Xb, y, alpha=1.0):
    p = np.asarray(Xb[y == 1].sum(0)).ravel() + alpha
    q = np.asarray(Xb[y == 0].sum(0)).ravel() + alpha
    return np.log((p / p.sum()) / (q / q.sum()))


def prior_columns(rows, y, folds, m=10):
    """Fold-wise smoothed log-odds records (host, cited outlets, bylines, URL section; >= 3 articles) and 'host unknown'."""
    keys = [lambda d: [d['host']] if d['host'] else [], lambda d: d['cited'], lambda d: d['auth'], lambda d: [d['sec']] if d['sec'] else []]
    P = np.zeros((len(y), len(keys) + 1))
    for a, b in folds:
        base = y[a].mean()
        for j, key in enumerate(keys):
            rec = defaultdict(lambda: [0, 0])
            for i in a:
                for k in set(key(rows[i])):
                    rec[k][0] += 1
                    rec[k][1] += y[i]
            for i in b:
                v = [np.log((r + m * base) / (n - r + m * (1 - base))) - np.log(base / (1 - base))
                     for n, r in (rec[k] for k in key(rows[i]) if k in rec and rec[k][0] >= 3)]
                P[i, j] = np.mean(v) if v else 0.0
    for i in range(len(y)):
        P[i, -1] = 1.0 if rows[i]['host'] and P[i, 0] == 0 else 0.0
    return P


def stacked(Z, y, folds):
    o = np.zeros(len(y))
    for a, b in folds:
        o[b] = LogisticRegression(C=1.0, max_iter=3000).fit(Z[a], y[a]).predict_proba(Z[b])[:, 1]
    return best_threshold(o, y)


def main():
    rows, mode = load(sys.argv[1]), sys.argv[2]
    y = np.array([d['y'] for d in rows])
    folds = list(StratifiedKFold(5, shuffle=True, random_state=0).split(np.zeros(len(y)), y))
    texts = [d['text'] for d in rows]
    sig = lambda z: 1 / (1 + np.exp(-z))
    if mode == 'text':
        for name, vec in [('word 1-2', TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)),
                          ('word 1-3', TfidfVectorizer(ngram_range=(1, 3), min_df=2, sublinear_tf=True, max_features=2000000)),
                          ('char_wb 2-5', TfidfVectorizer(analyzer='char_wb', ngram_range=(2, 5), min_df=3, sublinear_tf=True))]:
            X = vec.fit_transform(texts)
            for C in [1, 4, 16, 64]:
                print(name, 'C', C, best_threshold(sig(oof_logits(X, y, folds, C)), y), flush=True)
    elif mode == 'nblr':
        X = TfidfVectorizer(ngram_range=(1, 3), min_df=2, sublinear_tf=True, max_features=2000000).fit_transform(texts)
        Xb = (X > 0).astype(np.float32).tocsr()
        for feat, M in [('tf-idf', X), ('binary', Xb)]:
            for C in [4, 16]:
                oof = np.zeros(len(y))
                for a, b in folds:
                    Xr = M.multiply(nb_ratio(Xb[a], y[a])).tocsr()
                    oof[b] = LogisticRegression(C=C, max_iter=3000, solver='liblinear').fit(Xr[a], y[a]).predict_proba(Xr[b])[:, 1]
                print('NB-LR', feat, 'C', C, best_threshold(oof, y), flush=True)
    elif mode in ('stack', 'knn'):
        X = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True).fit_transform(texts)
        oof = oof_logits(X, y, folds, 4)
        print('text (word 1-2, C 4)', best_threshold(sig(oof), y), flush=True)
        if mode == 'stack':
            P = prior_columns(rows, y, folds)
            D = np.array([d['dense'] for d in rows])
            D = (D - D.mean(0)) / (D.std(0) + 1e-9)
            for name, Z in [('text+evidence', np.c_[oof, D]), ('text+prior', np.c_[oof, P]), ('text+prior+evidence', np.c_[oof, P, D])]:
                print(name, stacked(Z, y, folds), flush=True)
        else:
            Xu = TfidfVectorizer(min_df=2, sublinear_tf=True, stop_words='english').fit_transform(texts)
            K = np.zeros((len(y), 3))
            for a, b in folds:
                S = (Xu[b] @ Xu[a].T).toarray()
                top = np.argsort(-S, 1)[:, :10]
                for r, i in enumerate(b):
                    s, lab = S[r, top[r]], y[a][top[r]]
                    w = s ** 2
                    K[i] = [s[0], (2 * lab[0] - 1) * s[0], ((2 * lab - 1) * w).sum() / (w.sum() + 1e-9)]
            print('text+10 nearest training articles', stacked(np.c_[oof, K, K[:, 0] * K[:, 2]], y, folds), flush=True)


if __name__ == '__main__':
    main()
