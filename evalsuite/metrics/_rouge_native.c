/* ROUGE-N, ROUGE-L and ROUGE-Lsum in C, equal (==) to rouge-score 0.1.2.
 *
 * Why native: tokenizing, stemming and the LCS cost a few microseconds per word in Python; here
 * a word costs tens of nanoseconds. `evalsuite.metrics.rouge` calls this module when it is built
 * and falls back to its pure-Python path (same numbers, tested) when it is not.
 *
 * What is here:
 *   - rouge-score's English tokenizer (lowercase, [a-z0-9] runs) and NLTK's Porter stemmer
 *     (extended mode, as rouge-score uses it), with a per-workspace cache of every word seen;
 *   - ROUGE-N from clipped n-gram counts; ROUGE-L from a bit-parallel LCS (Allison-Dix/Hyyro),
 *     run in column blocks so memory stays linear however long the texts;
 *   - ROUGE-Lsum: per reference line, the union of rouge-score's backtracked LCS with every
 *     predicted line, backtracking only where a new position can still be found;
 *   - scoring of already tokenized texts (every other language: Python tokenizes, C scores);
 *   - a batch entry that scores English pairs on several threads without the GIL.
 *
 * Long inputs: an interrupt (SIGINT) is noticed every few million word operations.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <x86intrin.h>
#endif

#define TYPE_L 0
#define TYPE_LSUM (-1)
#define MAX_TYPES 16
#define MAX_THREADS 64

enum { OK = 0, ERR_NOMEM = 1, ERR_INTERRUPT = 2, ERR_CANCEL = 3 };

/* Word operations between two looks at the interrupt flag (a few milliseconds of work). */
#define CHECK_EVERY (1L << 22)
/* Columns per block of a long LCS (64 words): the block's masks stay under 2 MiB. */
static size_t BLOCK_WORDS = 64;
/* Above this many words, ROUGE-Lsum keeps every k-th DP row instead of all of them. */
static size_t ROWS_LIMIT = 1 << 21;
/* Above this many words, a predicted line's match masks are built per row instead. */
static size_t MASKS_LIMIT = 1 << 20;
/* A workspace forgets its vocabulary past this many distinct words (between pairs). */
#define VOCAB_RESET (1u << 20)

/* ---------------------------------------------------------------------------------------- */
/* Growable arrays                                                                          */

static int grow(void **p, size_t *cap, size_t need, size_t elem) {
    if (need <= *cap) return 0;
    size_t n = *cap ? *cap : 16;
    while (n < need) n *= 2;
    void *q = realloc(*p, n * elem);
    if (q == NULL) return -1;
    *p = q;
    *cap = n;
    return 0;
}
#define GROW(arr, cap, need) grow((void **)&(arr), &(cap), (need), sizeof(*(arr)))

typedef struct {
    uint32_t *v;
    size_t n, cap;
} U32s;

static inline int u32_push(U32s *a, uint32_t x) {
    if (a->n == a->cap && GROW(a->v, a->cap, a->n + 1)) return -1;
    a->v[a->n++] = x;
    return 0;
}

static inline int popcount64(uint64_t x) { return __builtin_popcountll(x); }

/* ---------------------------------------------------------------------------------------- */
/* NLTK's Porter stemmer (extended mode) on lowercase [a-z0-9] words                         */

/* cv[i] = 1 where w[i] is a vowel: a e i o u, and y after a consonant (Porter's definition). */
static void cv_pattern(const char *w, int n, unsigned char *cv) {
    for (int i = 0; i < n; i++) {
        char c = w[i];
        if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u')
            cv[i] = 1;
        else if (c == 'y')
            cv[i] = i == 0 ? 0 : !cv[i - 1];
        else
            cv[i] = 0;
    }
}

/* Porter's m of the first `len` letters: vowel-consonant boundaries. */
static int measure(const unsigned char *cv, int len) {
    int m = 0;
    for (int i = 0; i + 1 < len; i++) m += cv[i] && !cv[i + 1];
    return m;
}

static int has_vowel(const unsigned char *cv, int len) {
    for (int i = 0; i < len; i++)
        if (cv[i]) return 1;
    return 0;
}

/* *o: consonant-vowel-consonant, the last not w, x or y; NLTK adds the two-letter vowel-consonant. */
static int ends_cvc(const char *w, int n, const unsigned char *cv) {
    if (n >= 3)
        return !cv[n - 3] && cv[n - 2] && !cv[n - 1] && w[n - 1] != 'w' && w[n - 1] != 'x' &&
               w[n - 1] != 'y';
    return n == 2 && cv[0] && !cv[1];
}

static int ends(const char *w, int n, const char *suffix, int len) {
    return n >= len && memcmp(w + n - len, suffix, (size_t)len) == 0;
}

enum { M0, M1, LOGI, ION };

typedef struct {
    const char *suffix;
    const char *replacement;
    int condition;
} Rule;

/* NLTK's rule lists, longest suffix first: in each list a suffix that ends another comes
 * after it, so the longest match is NLTK's first match. */
static const Rule STEP2[] = {
    {"ational", "ate", M0}, {"ization", "ize", M0}, {"iveness", "ive", M0},
    {"fulness", "ful", M0}, {"ousness", "ous", M0}, {"tional", "tion", M0},
    {"biliti", "ble", M0},  {"entli", "ent", M0},   {"ousli", "ous", M0},
    {"ation", "ate", M0},   {"alism", "al", M0},    {"aliti", "al", M0},
    {"iviti", "ive", M0},   {"fulli", "ful", M0},   {"enci", "ence", M0},
    {"anci", "ance", M0},   {"izer", "ize", M0},    {"alli", "al", M0},
    {"ator", "ate", M0},    {"logi", "log", LOGI},  {"bli", "ble", M0},
    {"eli", "e", M0},       {NULL, NULL, 0},
};
static const Rule STEP3[] = {
    {"icate", "ic", M0}, {"ative", "", M0}, {"alize", "al", M0}, {"iciti", "ic", M0},
    {"ical", "ic", M0},  {"ness", "", M0},  {"ful", "", M0},     {NULL, NULL, 0},
};
static const Rule STEP4[] = {
    {"ement", "", M1}, {"ance", "", M1}, {"ence", "", M1}, {"able", "", M1}, {"ible", "", M1},
    {"ment", "", M1},  {"ant", "", M1},  {"ent", "", M1},  {"ion", "", ION}, {"ism", "", M1},
    {"ate", "", M1},   {"iti", "", M1},  {"ous", "", M1},  {"ive", "", M1},  {"ize", "", M1},
    {"al", "", M1},    {"er", "", M1},   {"ic", "", M1},   {"ou", "", M1},   {NULL, NULL, 0},
};

/* The first rule whose suffix ends the word decides: replaced if its condition holds. */
static void apply_rules(char *w, int *n, unsigned char *cv, const Rule *rules) {
    for (const Rule *rule = rules; rule->suffix != NULL; rule++) {
        int len = (int)strlen(rule->suffix);
        if (!ends(w, *n, rule->suffix, len)) continue;
        int stem = *n - len;
        cv_pattern(w, *n, cv);
        int holds;
        switch (rule->condition) {
        case M0: holds = measure(cv, stem) > 0; break;
        case M1: holds = measure(cv, stem) > 1; break;
        case LOGI: holds = measure(cv, stem + 1) > 0; break;
        default: holds = measure(cv, stem) > 1 && (w[stem - 1] == 's' || w[stem - 1] == 't');
        }
        if (holds) {
            int rlen = (int)strlen(rule->replacement);
            memcpy(w + stem, rule->replacement, (size_t)rlen);
            *n = stem + rlen;
        }
        return;
    }
}

static void step1a(char *w, int *n) {
    if (ends(w, *n, "ies", 3) && *n == 4)
        *n -= 1; /* NLTK: 'dies' -> 'die' */
    else if (ends(w, *n, "sses", 4) || ends(w, *n, "ies", 3))
        *n -= 2;
    else if (ends(w, *n, "ss", 2))
        return;
    else if (ends(w, *n, "s", 1))
        *n -= 1;
}

static void step1b(char *w, int *n, unsigned char *cv) {
    if (ends(w, *n, "ied", 3)) {
        *n -= *n == 4 ? 1 : 2;
        return;
    }
    if (ends(w, *n, "eed", 3)) {
        cv_pattern(w, *n, cv);
        if (measure(cv, *n - 3) > 0) *n -= 1;
        return;
    }
    int cut = 0;
    if (ends(w, *n, "ed", 2)) {
        cv_pattern(w, *n - 2, cv);
        if (has_vowel(cv, *n - 2)) cut = 2;
    } else if (ends(w, *n, "ing", 3)) {
        cv_pattern(w, *n - 3, cv);
        if (has_vowel(cv, *n - 3)) cut = 3;
    }
    if (!cut) return;
    *n -= cut;
    if (ends(w, *n, "at", 2) || ends(w, *n, "bl", 2) || ends(w, *n, "iz", 2)) {
        w[(*n)++] = 'e';
        return;
    }
    cv_pattern(w, *n, cv);
    if (*n >= 2 && w[*n - 1] == w[*n - 2] && !cv[*n - 1]) {
        char last = w[*n - 1];
        if (last != 'l' && last != 's' && last != 'z') *n -= 1;
        return;
    }
    if (measure(cv, *n) == 1 && ends_cvc(w, *n, cv)) w[(*n)++] = 'e';
}

static void step1c(char *w, int n, unsigned char *cv) {
    if (n > 2 && w[n - 1] == 'y') {
        cv_pattern(w, n, cv);
        if (!cv[n - 2]) w[n - 1] = 'i';
    }
}

static void step2(char *w, int *n, unsigned char *cv) {
    /* NLTK applies ALLI -> AL first and, when it fires, runs step 2 again on the result. */
    if (ends(w, *n, "alli", 4)) {
        cv_pattern(w, *n, cv);
        if (measure(cv, *n - 4) > 0) {
            *n -= 2;
            step2(w, n, cv);
            return;
        }
    }
    apply_rules(w, n, cv, STEP2);
}

static void step5(char *w, int *n, unsigned char *cv) {
    if (*n >= 1 && w[*n - 1] == 'e') {
        int stem = *n - 1;
        cv_pattern(w, stem, cv);
        int m = measure(cv, stem);
        if (m > 1 || (m == 1 && !ends_cvc(w, stem, cv))) *n = stem;
    }
    if (ends(w, *n, "ll", 2)) {
        cv_pattern(w, *n, cv);
        if (measure(cv, *n - 1) > 1) *n -= 1;
    }
}

static const char *const IRREGULAR[][2] = {
    {"sky", "sky"},         {"skies", "sky"},       {"dying", "die"},     {"lying", "lie"},
    {"tying", "tie"},       {"news", "news"},       {"innings", "inning"}, {"inning", "inning"},
    {"outings", "outing"},  {"outing", "outing"},   {"cannings", "canning"},
    {"canning", "canning"}, {"howe", "howe"},       {"proceed", "proceed"},
    {"exceed", "exceed"},   {"succeed", "succeed"}, {NULL, NULL},
};

/* Stem w[0..n) in place (stems are never longer than the word); returns the new length.
 * `cv` has room for n bytes. */
static int porter_stem(char *w, int n, unsigned char *cv) {
    for (int k = 0; IRREGULAR[k][0] != NULL; k++) {
        int len = (int)strlen(IRREGULAR[k][0]);
        if (len == n && memcmp(w, IRREGULAR[k][0], (size_t)n) == 0) {
            int out = (int)strlen(IRREGULAR[k][1]);
            memcpy(w, IRREGULAR[k][1], (size_t)out);
            return out;
        }
    }
    if (n <= 2) return n;
    step1a(w, &n);
    step1b(w, &n, cv);
    step1c(w, n, cv);
    step2(w, &n, cv);
    apply_rules(w, &n, cv, STEP3);
    apply_rules(w, &n, cv, STEP4);
    step5(w, &n, cv);
    return n;
}

/* ---------------------------------------------------------------------------------------- */
/* Vocabulary: word -> id, and id -> id of its stem                                          */

#define STEM_UNSET (-2)
#define STEM_DROP (-1)

typedef struct {
    uint64_t hash;
    uint32_t off, len;
    int32_t stem;
} Entry;

typedef struct {
    Entry *e;
    size_t n, cap;
    char *chars;
    size_t nchars, charcap;
    int32_t *slots; /* open addressing, -1 = empty; size a power of two */
    size_t nslots;
} Vocab;

static void vocab_clear(Vocab *v) {
    v->n = 0;
    v->nchars = 0;
    if (v->slots) memset(v->slots, 0xff, v->nslots * sizeof(int32_t));
}

static int vocab_rehash(Vocab *v) {
    size_t n = v->nslots ? v->nslots * 2 : 1024;
    int32_t *slots = malloc(n * sizeof(int32_t));
    if (slots == NULL) return -1;
    memset(slots, 0xff, n * sizeof(int32_t));
    for (size_t id = 0; id < v->n; id++) {
        size_t i = v->e[id].hash & (n - 1);
        while (slots[i] >= 0) i = (i + 1) & (n - 1);
        slots[i] = (int32_t)id;
    }
    free(v->slots);
    v->slots = slots;
    v->nslots = n;
    return 0;
}

static inline uint64_t mix64(uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

static int32_t vocab_intern(Vocab *v, const char *s, uint32_t len, uint64_t hash) {
    if ((v->n + 1) * 2 > v->nslots && vocab_rehash(v)) return -1;
    size_t mask = v->nslots - 1, i = hash & mask;
    for (;;) {
        int32_t id = v->slots[i];
        if (id < 0) break;
        const Entry *e = &v->e[id];
        if (e->hash == hash && e->len == len && memcmp(v->chars + e->off, s, len) == 0) return id;
        i = (i + 1) & mask;
    }
    if (v->n >= INT32_MAX || v->nchars + len > UINT32_MAX) return -1;
    if (GROW(v->e, v->cap, v->n + 1) || GROW(v->chars, v->charcap, v->nchars + len + 1)) return -1;
    memcpy(v->chars + v->nchars, s, len);
    Entry *e = &v->e[v->n];
    e->hash = hash;
    e->off = (uint32_t)v->nchars;
    e->len = len;
    e->stem = STEM_UNSET;
    v->nchars += len;
    v->slots[i] = (int32_t)v->n;
    return (int32_t)v->n++;
}

static inline uint64_t hash_bytes(const char *s, uint32_t len) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (uint32_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
    return mix64(h);
}

/* ---------------------------------------------------------------------------------------- */
/* Workspace: one per thread, reused across calls                                            */

typedef struct {
    U32s ids;   /* token ids, whole text */
    U32s lines; /* start of each non-empty line in ids, then ids.n */
} Doc;

typedef struct {
    Vocab vocab;
    char *tok;
    size_t tok_cap;
    unsigned char *cv;
    size_t cv_cap;
    Doc pred, ref;
    /* per-pair local ids (0..k-1) of global ids */
    uint32_t *stamp;
    size_t stamp_cap;
    int32_t *local;
    size_t local_cap;
    uint32_t gen;
    U32s lp, lr;
    /* scratch for the scorers, indexed by local id */
    int32_t *cnt_a, *cnt_b, *slot;
    size_t cnt_a_cap, cnt_b_cap, slot_cap;
    uint32_t *mark;
    size_t mark_cap;
    uint32_t mgen;
    /* scratch rows and masks */
    uint64_t *masks, *rows, *band, *vrow, *bits, *usable, *ng_hash;
    size_t masks_cap, rows_cap, band_cap, vrow_cap, bits_cap, usable_cap, ng_hash_cap;
    unsigned char *carries;
    size_t carries_cap;
    uint32_t *unc, *ustart, *ucount, *active, *pstart, *plist, *ng_pos;
    size_t unc_cap, ustart_cap, ucount_cap, active_cap, pstart_cap, plist_cap, ng_pos_cap;
    int32_t *ng_slots, *ng_cnt;
    size_t ng_slots_cap, ng_cnt_cap;
    /* interruption */
    long work;
    int gil;                 /* holds the GIL: check signals; else watch *cancel */
    volatile int *cancel;
    int err;
} Work;

#define WGROW(w, field, need) GROW((w)->field, (w)->field##_cap, (need))

/* Count work; every CHECK_EVERY operations look for an interrupt. Nonzero: stop. */
static inline int tick(Work *w, long ops) {
    w->work += ops;
    if (w->work < CHECK_EVERY) return 0;
    w->work = 0;
    if (w->gil) {
        if (PyErr_CheckSignals() != 0) {
            w->err = ERR_INTERRUPT;
            return 1;
        }
    } else if (w->cancel != NULL && *w->cancel) {
        w->err = ERR_CANCEL;
        return 1;
    }
    return 0;
}

static int fail_nomem(Work *w) {
    w->err = ERR_NOMEM;
    return -1;
}

/* ---------------------------------------------------------------------------------------- */
/* rouge-score's English tokenizer                                                           */

/* Lowercased ASCII letters and digits keep their (lowercase) byte; everything else, every
 * byte of a non-ASCII character included, separates tokens. */
static unsigned char ALNUM[256];

static void init_tables(void) {
    for (int c = 0; c < 256; c++) ALNUM[c] = 0;
    for (int c = 'a'; c <= 'z'; c++) ALNUM[c] = (unsigned char)c;
    for (int c = 'A'; c <= 'Z'; c++) ALNUM[c] = (unsigned char)(c - 'A' + 'a');
    for (int c = '0'; c <= '9'; c++) ALNUM[c] = (unsigned char)c;
}

static int32_t stem_of(Work *w, int32_t id) {
    Entry *e = &w->vocab.e[id];
    if (e->stem != STEM_UNSET) return e->stem;
    uint32_t len = e->len;
    if (len <= 3) return e->stem = id;
    if (WGROW(w, tok, len) || WGROW(w, cv, len)) return STEM_UNSET;
    memcpy(w->tok, w->vocab.chars + e->off, len);
    int n = porter_stem(w->tok, (int)len, w->cv);
    int32_t stem = STEM_DROP;
    if (n > 0) {
        stem = vocab_intern(&w->vocab, w->tok, (uint32_t)n, hash_bytes(w->tok, (uint32_t)n));
        if (stem < 0) return STEM_UNSET;
    }
    w->vocab.e[id].stem = stem; /* the intern may have moved the entries */
    return stem;
}

/* Tokens of s[0..n) (lowercased already when not ASCII) as ids, and where its lines start. */
static int tokenize_en(Work *w, const unsigned char *s, Py_ssize_t n, int use_stemmer, Doc *d) {
    d->ids.n = 0;
    d->lines.n = 0;
    size_t line_first = 0;
    Py_ssize_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (!ALNUM[c]) {
            if (c == '\n' && d->ids.n > line_first) {
                if (u32_push(&d->lines, (uint32_t)line_first)) return fail_nomem(w);
                line_first = d->ids.n;
            }
            i++;
            continue;
        }
        Py_ssize_t start = i;
        while (i < n && ALNUM[s[i]]) i++;
        size_t len = (size_t)(i - start);
        if (len > UINT32_MAX || WGROW(w, tok, len)) return fail_nomem(w);
        uint64_t h = 0xcbf29ce484222325ULL;
        for (size_t k = 0; k < len; k++) {
            unsigned char lc = ALNUM[s[start + (Py_ssize_t)k]];
            w->tok[k] = (char)lc;
            h = (h ^ lc) * 0x100000001b3ULL;
        }
        int32_t id = vocab_intern(&w->vocab, w->tok, (uint32_t)len, mix64(h));
        if (id < 0) return fail_nomem(w);
        if (use_stemmer) {
            id = stem_of(w, id);
            if (id == STEM_UNSET) return fail_nomem(w);
            if (id == STEM_DROP) continue;
        }
        if (u32_push(&d->ids, (uint32_t)id)) return fail_nomem(w);
        if (tick(w, (long)len)) return -1;
    }
    if (d->ids.n > line_first && u32_push(&d->lines, (uint32_t)line_first)) return fail_nomem(w);
    if (u32_push(&d->lines, (uint32_t)d->ids.n)) return fail_nomem(w);
    return 0;
}

/* ---------------------------------------------------------------------------------------- */
/* Local ids: the pair's distinct tokens numbered 0..k-1                                     */

static int ensure_stamps(Work *w, size_t n_ids) {
    size_t old = w->stamp_cap;
    if (n_ids <= old) return 0;
    if (WGROW(w, stamp, n_ids) || WGROW(w, local, w->stamp_cap)) return -1;
    memset(w->stamp + old, 0, (w->stamp_cap - old) * sizeof(uint32_t));
    return 0;
}

/* Fills w->lp and w->lr; returns k (distinct tokens) or -1. */
static long localize(Work *w, const Doc *pred, const Doc *ref, size_t n_ids) {
    if (ensure_stamps(w, n_ids)) return fail_nomem(w);
    if (++w->gen == 0) {
        memset(w->stamp, 0, w->stamp_cap * sizeof(uint32_t));
        w->gen = 1;
    }
    uint32_t gen = w->gen, k = 0;
    const Doc *docs[2] = {pred, ref};
    U32s *outs[2] = {&w->lp, &w->lr};
    for (int side = 0; side < 2; side++) {
        const U32s *ids = &docs[side]->ids;
        U32s *out = outs[side];
        if (GROW(out->v, out->cap, ids->n + 1)) return fail_nomem(w);
        out->n = ids->n;
        for (size_t i = 0; i < ids->n; i++) {
            uint32_t g = ids->v[i];
            if (w->stamp[g] != gen) {
                w->stamp[g] = gen;
                w->local[g] = (int32_t)k++;
            }
            out->v[i] = (uint32_t)w->local[g];
        }
    }
    return (long)k;
}

static int ensure_k(Work *w, size_t k) {
    size_t old = w->mark_cap;
    if (WGROW(w, cnt_a, k + 1) || WGROW(w, cnt_b, k + 1) || WGROW(w, slot, k + 1) ||
        WGROW(w, mark, k + 1))
        return fail_nomem(w);
    memset(w->mark + old, 0, (w->mark_cap - old) * sizeof(uint32_t));
    return 0;
}

static uint32_t next_mark(Work *w) {
    if (++w->mgen == 0) {
        memset(w->mark, 0, w->mark_cap * sizeof(uint32_t));
        w->mgen = 1;
    }
    return w->mgen;
}

/* ---------------------------------------------------------------------------------------- */
/* ROUGE-N                                                                                   */

static int64_t unigram_hits(Work *w, const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
                            size_t k) {
    int32_t *cnt = w->cnt_a;
    memset(cnt, 0, k * sizeof(int32_t));
    for (size_t i = 0; i < na; i++) cnt[a[i]]++;
    int64_t hits = 0;
    for (size_t i = 0; i < nb; i++) {
        if (cnt[b[i]] > 0) {
            hits++;
            cnt[b[i]]--;
        }
    }
    return hits;
}

static inline uint64_t hash_ngram(const uint32_t *t, int n) {
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (int i = 0; i < n; i++) h = (h ^ t[i]) * 0xbf58476d1ce4e5b9ULL;
    return mix64(h);
}

/* Clipped n-gram hits: the sum over n-grams of the smaller of the two counts. */
static int ngram_hits(Work *w, const uint32_t *a, size_t na, const uint32_t *b, size_t nb, int n,
                      int64_t *out) {
    *out = 0;
    if (na < (size_t)n || nb < (size_t)n) return 0;
    size_t ca = na - (size_t)n + 1, cb = nb - (size_t)n + 1;
    size_t cap = 16;
    while (cap < 2 * ca) cap <<= 1;
    if (WGROW(w, ng_slots, cap) || WGROW(w, ng_hash, ca) || WGROW(w, ng_pos, ca) ||
        WGROW(w, ng_cnt, ca))
        return fail_nomem(w);
    memset(w->ng_slots, 0xff, cap * sizeof(int32_t));
    size_t mask = cap - 1, distinct = 0;
    size_t bytes = (size_t)n * sizeof(uint32_t);
    for (size_t i = 0; i < ca; i++) {
        uint64_t h = hash_ngram(a + i, n);
        size_t s = h & mask;
        for (;;) {
            int32_t e = w->ng_slots[s];
            if (e < 0) {
                w->ng_slots[s] = (int32_t)distinct;
                w->ng_hash[distinct] = h;
                w->ng_pos[distinct] = (uint32_t)i;
                w->ng_cnt[distinct] = 1;
                distinct++;
                break;
            }
            if (w->ng_hash[e] == h && memcmp(a + w->ng_pos[e], a + i, bytes) == 0) {
                w->ng_cnt[e]++;
                break;
            }
            s = (s + 1) & mask;
        }
    }
    int64_t hits = 0;
    for (size_t j = 0; j < cb; j++) {
        uint64_t h = hash_ngram(b + j, n);
        size_t s = h & mask;
        for (;;) {
            int32_t e = w->ng_slots[s];
            if (e < 0) break;
            if (w->ng_hash[e] == h && memcmp(a + w->ng_pos[e], b + j, bytes) == 0) {
                if (w->ng_cnt[e] > 0) {
                    hits++;
                    w->ng_cnt[e]--;
                }
                break;
            }
            s = (s + 1) & mask;
        }
    }
    *out = hits;
    return tick(w, (long)(ca + cb)) ? -1 : 0;
}

/* ---------------------------------------------------------------------------------------- */
/* LCS length, bit-parallel                                                                  */

/* One DP row over `nw` words: v = (v + u) | (v - u) with u = v & m, carry in and out.
 * u lies inside v, so v - u = v ^ u never borrows; only the addition carries. */
static inline uint64_t row_step(uint64_t *v, const uint64_t *m, int nw, uint64_t carry) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    unsigned char c = (unsigned char)carry; /* one add-with-carry per word */
    for (int x = 0; x < nw; x++) {
        uint64_t vx = v[x], u = vx & m[x];
        unsigned long long sum;
        c = _addcarry_u64(c, vx, u, &sum);
        v[x] = sum | (vx ^ u);
    }
    return c;
#else
    for (int x = 0; x < nw; x++) {
        uint64_t vx = v[x], u = vx & m[x];
        uint64_t s = vx + u;
        uint64_t c1 = s < vx;
        uint64_t s2 = s + carry;
        uint64_t c2 = s2 < s;
        v[x] = s2 | (vx ^ u);
        carry = c1 | c2;
    }
    return carry;
#endif
}

/* A row whose token does not occur in the block: only an incoming carry changes it. */
static inline uint64_t row_carry(uint64_t *v, int nw, uint64_t carry) {
    for (int x = 0; x < nw && carry; x++) {
        uint64_t s = v[x] + 1;
        carry = s == 0;
        v[x] |= s;
    }
    return carry;
}

/* Bits over the longer side, in blocks of BLOCK_WORDS words run one after the other with each
 * row's carry handed on; masks only for the tokens of the block. */
static int lcs_length(Work *w, const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
                      size_t k, int64_t *out) {
    if (na < nb) {
        const uint32_t *t = a;
        a = b;
        b = t;
        size_t tn = na;
        na = nb;
        nb = tn;
    }
    *out = 0;
    if (nb == 0) return 0;
    if (ensure_k(w, k)) return -1;
    size_t nw = (na + 63) / 64;
    if (nw == 1) {
        if (WGROW(w, masks, k)) return fail_nomem(w);
        uint64_t *m = w->masks;
        for (size_t i = 0; i < nb; i++) m[b[i]] = 0;
        for (size_t j = 0; j < na; j++) m[a[j]] = 0;
        for (size_t j = 0; j < na; j++) m[a[j]] |= 1ULL << j;
        uint64_t v = ~0ULL;
        for (size_t i = 0; i < nb; i++) {
            uint64_t u = v & m[b[i]];
            v = (v + u) | (v - u);
        }
        *out = 64 - popcount64(v);
        return tick(w, (long)nb) ? -1 : 0;
    }
    if (WGROW(w, carries, nb)) return fail_nomem(w);
    memset(w->carries, 0, nb);
    int64_t total = 0;
    for (size_t w0 = 0; w0 < nw; w0 += BLOCK_WORDS) {
        int bw = (int)(nw - w0 < BLOCK_WORDS ? nw - w0 : BLOCK_WORDS);
        size_t j0 = w0 * 64, j1 = (w0 + (size_t)bw) * 64;
        if (j1 > na) j1 = na;
        uint32_t gen = next_mark(w);
        size_t nslots = 0;
        for (size_t j = j0; j < j1; j++) {
            uint32_t t = a[j];
            if (w->mark[t] != gen) {
                w->mark[t] = gen;
                w->slot[t] = (int32_t)nslots++;
            }
        }
        if (WGROW(w, masks, nslots * (size_t)bw) || WGROW(w, vrow, (size_t)bw))
            return fail_nomem(w);
        memset(w->masks, 0, nslots * (size_t)bw * sizeof(uint64_t));
        for (size_t j = j0; j < j1; j++) {
            size_t off = (size_t)w->slot[a[j]] * (size_t)bw + (j - j0) / 64;
            w->masks[off] |= 1ULL << ((j - j0) % 64);
        }
        uint64_t *v = w->vrow;
        for (int x = 0; x < bw; x++) v[x] = ~0ULL;
        for (size_t i = 0; i < nb; i++) {
            uint32_t t = b[i];
            uint64_t c = w->carries[i];
            if (w->mark[t] == gen)
                c = row_step(v, w->masks + (size_t)w->slot[t] * (size_t)bw, bw, c);
            else if (c)
                c = row_carry(v, bw, c);
            else
                continue;
            w->carries[i] = (unsigned char)c;
            if (tick(w, bw)) return -1;
        }
        int ones = 0;
        for (int x = 0; x < bw; x++) ones += popcount64(v[x]);
        total += (int64_t)bw * 64 - ones; /* padding bits above na stay ones */
    }
    *out = total;
    return 0;
}

/* ---------------------------------------------------------------------------------------- */
/* ROUGE-Lsum                                                                                */

/* A predicted line's match masks: dense (a block of nw words per distinct token) or, for a
 * very long line, built per DP row from each token's sorted positions. */
typedef struct {
    const uint32_t *c;
    size_t nc;
    int nw;
    int dense;
    uint32_t gen; /* w->mark[t] == gen: t occurs in the line, w->slot[t] its slot */
    uint64_t *scratch;
} Line;

static int line_prepare(Work *w, Line *L, const uint32_t *c, size_t nc) {
    L->c = c;
    L->nc = nc;
    L->nw = (int)((nc + 63) / 64);
    L->gen = next_mark(w);
    size_t nslots = 0;
    for (size_t j = 0; j < nc; j++) {
        uint32_t t = c[j];
        if (w->mark[t] != L->gen) {
            w->mark[t] = L->gen;
            w->slot[t] = (int32_t)nslots++;
        }
    }
    size_t nw = (size_t)L->nw;
    L->dense = L->nw == 1 || nslots * nw <= MASKS_LIMIT;
    if (L->dense) {
        if (WGROW(w, masks, nslots * nw)) return fail_nomem(w);
        memset(w->masks, 0, nslots * nw * sizeof(uint64_t));
        for (size_t j = 0; j < nc; j++)
            w->masks[(size_t)w->slot[c[j]] * nw + j / 64] |= 1ULL << (j % 64);
        return 0;
    }
    /* positions per slot, in CSR form; scratch row for the masks */
    if (WGROW(w, pstart, nslots + 1) || WGROW(w, plist, nc) || WGROW(w, vrow, nw))
        return fail_nomem(w);
    memset(w->pstart, 0, (nslots + 1) * sizeof(uint32_t));
    for (size_t j = 0; j < nc; j++) w->pstart[w->slot[c[j]] + 1]++;
    for (size_t s = 0; s < nslots; s++) w->pstart[s + 1] += w->pstart[s];
    for (size_t j = 0; j < nc; j++) w->plist[w->pstart[w->slot[c[j]]]++] = (uint32_t)j;
    for (size_t s = nslots; s > 0; s--) w->pstart[s] = w->pstart[s - 1];
    w->pstart[0] = 0;
    L->scratch = w->vrow;
    memset(L->scratch, 0, nw * sizeof(uint64_t));
    return 0;
}

static inline int line_has(const Work *w, const Line *L, uint32_t t) { return w->mark[t] == L->gen; }

/* Mask of token t over the line; in sparse mode it lives in L->scratch until line_unmask. */
static inline const uint64_t *line_mask(Work *w, Line *L, uint32_t t) {
    int32_t s = w->slot[t];
    if (L->dense) return w->masks + (size_t)s * (size_t)L->nw;
    for (uint32_t p = w->pstart[s]; p < w->pstart[s + 1]; p++)
        L->scratch[w->plist[p] / 64] |= 1ULL << (w->plist[p] % 64);
    return L->scratch;
}

static inline void line_unmask(Work *w, Line *L, uint32_t t) {
    if (L->dense) return;
    int32_t s = w->slot[t];
    for (uint32_t p = w->pstart[s]; p < w->pstart[s + 1]; p++) L->scratch[w->plist[p] / 64] = 0;
}

/* Whether t matches the line at column j (0-based). */
static inline int line_match_at(Work *w, const Line *L, uint32_t t, size_t j) {
    if (!line_has(w, L, t)) return 0;
    int32_t s = w->slot[t];
    if (L->dense) return (int)((w->masks[(size_t)s * (size_t)L->nw + j / 64] >> (j % 64)) & 1);
    uint32_t lo = w->pstart[s], hi = w->pstart[s + 1];
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (w->plist[mid] < j)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < w->pstart[s + 1] && w->plist[lo] == j;
}

/* Highest column below j where t matches (there is one whenever the backtrack asks). */
static inline long line_match_below(Work *w, const Line *L, uint32_t t, size_t j) {
    int32_t s = w->slot[t];
    if (L->dense) {
        const uint64_t *m = w->masks + (size_t)s * (size_t)L->nw;
        long x = (long)(j / 64);
        uint64_t part = (j % 64) ? m[x] & ((1ULL << (j % 64)) - 1) : 0;
        for (;;) {
            if (part) return x * 64 + 63 - __builtin_clzll(part);
            if (--x < 0) return -1;
            part = m[x];
        }
    }
    uint32_t lo = w->pstart[s], hi = w->pstart[s + 1];
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (w->plist[mid] < j)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo == w->pstart[s] ? -1 : (long)w->plist[lo - 1];
}

/* DP rows over one reference line r (rows) against the line (bits): all kept when small, else
 * every K-th plus one band of K recomputed on demand. Row i is a row of L->nw words. */
typedef struct {
    const uint32_t *r;
    size_t nr;
    int nw;
    int all;
    size_t K;
    long band_start; /* first row held in w->band, -1 none */
} Rows;

static void dp_from(Work *w, Line *L, const uint32_t *r, const uint64_t *start, size_t from,
                    size_t count, uint64_t *out) {
    int nw = L->nw;
    const uint64_t *prev = start;
    for (size_t i = 0; i < count; i++) {
        uint64_t *row = out + i * (size_t)nw;
        memcpy(row, prev, (size_t)nw * sizeof(uint64_t));
        uint32_t t = r[from + i];
        if (line_has(w, L, t)) {
            const uint64_t *m = line_mask(w, L, t);
            row_step(row, m, nw, 0);
            line_unmask(w, L, t);
        }
        prev = row;
    }
}

/* Runs the DP; fills the last row into `last` (nw words). */
static int rows_run(Work *w, Rows *R, Line *L, const uint32_t *r, size_t nr, uint64_t **last) {
    int nw = L->nw;
    R->r = r;
    R->nr = nr;
    R->nw = nw;
    R->band_start = -1;
    R->K = 0;
    size_t need = (nr + 1) * (size_t)nw;
    R->all = need <= ROWS_LIMIT;
    if (R->all) {
        if (WGROW(w, rows, need)) return fail_nomem(w);
        for (int x = 0; x < nw; x++) w->rows[x] = ~0ULL;
        dp_from(w, L, r, w->rows, 0, nr, w->rows + nw);
        *last = w->rows + nr * (size_t)nw;
        return tick(w, (long)(nr * (size_t)nw)) ? -1 : 0;
    }
    size_t K = 1;
    while (K * K < nr + 1) K++;
    R->K = K;
    size_t nck = nr / K + 1;
    if (WGROW(w, rows, (nck + 1) * (size_t)nw) || WGROW(w, band, (K + 1) * (size_t)nw))
        return fail_nomem(w);
    uint64_t *cur = w->band; /* one row of scratch */
    for (int x = 0; x < nw; x++) cur[x] = ~0ULL;
    memcpy(w->rows, cur, (size_t)nw * sizeof(uint64_t));
    uint64_t *tmp = w->band + (size_t)nw;
    for (size_t i = 1; i <= nr; i++) {
        dp_from(w, L, r, cur, i - 1, 1, tmp);
        memcpy(cur, tmp, (size_t)nw * sizeof(uint64_t));
        if (i % K == 0) memcpy(w->rows + (i / K) * (size_t)nw, cur, (size_t)nw * sizeof(uint64_t));
        if (tick(w, nw)) return -1;
    }
    /* keep the last row apart from the band */
    memcpy(w->rows + nck * (size_t)nw, cur, (size_t)nw * sizeof(uint64_t));
    *last = w->rows + nck * (size_t)nw;
    return 0;
}

static const uint64_t *rows_get(Work *w, Rows *R, Line *L, size_t i) {
    int nw = R->nw;
    if (R->all) return w->rows + i * (size_t)nw;
    size_t K = R->K, k = i / K, start = k * K;
    if (i == start) return w->rows + k * (size_t)nw;
    if (R->band_start != (long)start) {
        size_t count = K - 1;
        if (start + count > R->nr) count = R->nr - start;
        dp_from(w, L, R->r, w->rows + k * (size_t)nw, start, count, w->band);
        R->band_start = (long)start;
        w->work += (long)(count * (size_t)nw);
    }
    return w->band + (i - start - 1) * (size_t)nw;
}

static inline size_t ones_below(const uint64_t *row, size_t j) {
    size_t ones = 0, x = 0;
    for (; x < j / 64; x++) ones += (size_t)popcount64(row[x]);
    if (j % 64) ones += (size_t)popcount64(row[x] & ((1ULL << (j % 64)) - 1));
    return ones;
}

/* rouge-score's LCS backtrack of r against the line; sets the bits of the positions it takes.
 * A match goes diagonally; otherwise left only if up loses LCS. Off a match,
 * t[i][j] = max(t[i][j-1], t[i-1][j]), so "left strictly better than up" is
 * t[i-1][j] < t[i][j], and t[i][j] is known along the path (the LCS, minus one per match);
 * t[i-1][j] is j minus the one bits of row i-1 below column j. A left run ends at the nearest
 * match of the row's token, so it is one jump. */
static int backtrack(Work *w, Rows *R, Line *L, int64_t lcs, uint64_t *bits) {
    size_t i = R->nr, j = L->nc;
    const uint32_t *r = R->r;
    while (lcs > 0 && j > 0) {
        uint32_t t = r[i - 1];
        if (line_match_at(w, L, t, j - 1)) {
            j--;
        } else {
            const uint64_t *up = rows_get(w, R, L, i - 1);
            if ((int64_t)(j - ones_below(up, j)) == lcs) {
                i--;
                continue;
            }
            long jj = line_match_below(w, L, t, j);
            if (jj < 0) break; /* cannot happen: the DP says a match lies left */
            j = (size_t)jj;
        }
        i--;
        lcs--;
        bits[i / 64] |= 1ULL << (i % 64);
    }
    return tick(w, (long)R->nr) ? -1 : 0;
}

/* Fast path: the predicted line fits one word. */
static int backtrack1(Work *w, const uint32_t *r, size_t nr, Line *L, const uint64_t *rows,
                      int64_t lcs, uint64_t *bits) {
    size_t i = nr, j = L->nc;
    while (lcs > 0 && j > 0) {
        uint32_t t = r[i - 1];
        uint64_t m = line_has(w, L, t) ? w->masks[w->slot[t]] : 0;
        uint64_t below = j == 64 ? ~0ULL : (1ULL << j) - 1;
        uint64_t here = m & below;
        if ((here >> (j - 1)) & 1) {
            j--;
        } else if ((int64_t)j - popcount64(rows[i - 1] & below) == lcs) {
            i--;
            continue;
        } else {
            if (!here) break;
            j = (size_t)(63 - __builtin_clzll(here));
        }
        i--;
        lcs--;
        bits[i / 64] |= 1ULL << (i % 64);
    }
    (void)w;
    return 0;
}

/* Summary-level LCS hits (rouge-score's _summary_level_lcs): for each reference line, the
 * union of its LCS with every predicted line; a position counts while its token has unused
 * occurrences on both sides. Lines are walked predicted-line first: the union does not depend
 * on the order, and a line's masks are built once. A reference line is dropped once every
 * position that some predicted token could take is in its union. */
static int lsum_hits(Work *w, const uint32_t *ref, const uint32_t *rlines, size_t nrl,
                     const uint32_t *pred, const uint32_t *plines, size_t npl, size_t k,
                     int64_t *out) {
    *out = 0;
    size_t nr = rlines[nrl];
    if (ensure_k(w, k)) return -1;
    int32_t *pred_left = w->cnt_a, *ref_left = w->cnt_b;
    memset(pred_left, 0, k * sizeof(int32_t));
    memset(ref_left, 0, k * sizeof(int32_t));
    for (size_t i = 0; i < plines[npl]; i++) pred_left[pred[i]]++;
    for (size_t i = 0; i < nr; i++) ref_left[ref[i]]++;
    size_t nbits = (nr + 63) / 64 + 1;
    if (WGROW(w, bits, nbits) || WGROW(w, unc, nr + 1) || WGROW(w, ustart, nrl + 1) ||
        WGROW(w, ucount, nrl + 1) || WGROW(w, active, nrl + 1))
        return fail_nomem(w);
    uint64_t *U = w->bits;
    memset(U, 0, nbits * sizeof(uint64_t));
    size_t nactive = 0, nu = 0;
    for (size_t q = 0; q < nrl; q++) {
        w->ustart[q] = (uint32_t)nu;
        for (size_t i = rlines[q]; i < rlines[q + 1]; i++)
            if (pred_left[ref[i]] > 0) w->unc[nu++] = (uint32_t)i;
        w->ucount[q] = (uint32_t)(nu - w->ustart[q]);
        if (w->ucount[q]) w->active[nactive++] = (uint32_t)q;
    }
    for (size_t pl = 0; pl < npl && nactive; pl++) {
        const uint32_t *c = pred + plines[pl];
        size_t nc = plines[pl + 1] - plines[pl];
        Line L;
        int prepared = 0;
        /* membership first: cheap, and most pairs stop here */
        uint32_t gen = next_mark(w);
        for (size_t j = 0; j < nc; j++) w->mark[c[j]] = gen;
        for (size_t a = 0; a < nactive;) {
            uint32_t q = w->active[a];
            uint32_t *list = w->unc + w->ustart[q];
            uint32_t kept = 0;
            int candidate = 0;
            for (uint32_t x = 0; x < w->ucount[q]; x++) {
                uint32_t i = list[x];
                if ((U[i / 64] >> (i % 64)) & 1) continue;
                list[kept++] = i;
                if (w->mark[ref[i]] == (prepared ? L.gen : gen)) candidate = 1;
            }
            w->ucount[q] = kept;
            if (!kept) {
                w->active[a] = w->active[--nactive];
                continue;
            }
            a++;
            if (!candidate) continue;
            if (!prepared) {
                if (line_prepare(w, &L, c, nc)) return -1;
                prepared = 1;
            }
            const uint32_t *r = ref + rlines[q];
            size_t rn = rlines[q + 1] - rlines[q], base = rlines[q];
            /* usable positions: their token occurs in the predicted line */
            size_t uw = (rn + 63) / 64;
            if (WGROW(w, usable, uw + 1)) return fail_nomem(w);
            uint64_t *usable = w->usable;
            memset(usable, 0, (uw + 1) * sizeof(uint64_t));
            int64_t n_usable = 0;
            for (size_t i = 0; i < rn; i++) {
                if (line_has(w, &L, r[i])) {
                    usable[i / 64] |= 1ULL << (i % 64);
                    n_usable++;
                }
            }
            int64_t lcs;
            uint64_t *scratch_bits = usable; /* reused below for the backtrack's positions */
            if (L.nw == 1) {
                if (WGROW(w, rows, rn + 1)) return fail_nomem(w);
                uint64_t *rows = w->rows, v = ~0ULL;
                rows[0] = v;
                for (size_t i = 0; i < rn; i++) {
                    uint32_t t = r[i];
                    if (line_has(w, &L, t)) {
                        uint64_t u = v & w->masks[w->slot[t]];
                        v = (v + u) | (v - u);
                    }
                    rows[i + 1] = v;
                }
                lcs = 64 - popcount64(v);
                if (tick(w, (long)rn)) return -1;
                if (lcs != n_usable) {
                    memset(scratch_bits, 0, (uw + 1) * sizeof(uint64_t));
                    if (backtrack1(w, r, rn, &L, rows, lcs, scratch_bits)) return -1;
                }
            } else {
                Rows R = {0};
                uint64_t *last;
                if (rows_run(w, &R, &L, r, rn, &last)) return -1;
                int ones = 0;
                for (int x = 0; x < L.nw; x++) ones += popcount64(last[x]);
                lcs = (int64_t)L.nw * 64 - ones;
                if (lcs != n_usable) {
                    memset(scratch_bits, 0, (uw + 1) * sizeof(uint64_t));
                    if (backtrack(w, &R, &L, lcs, scratch_bits)) return -1;
                }
            }
            /* scratch_bits: every usable position (lcs == n_usable) or the backtrack's */
            for (size_t i = 0; i < rn; i++)
                if ((scratch_bits[i / 64] >> (i % 64)) & 1)
                    U[(base + i) / 64] |= 1ULL << ((base + i) % 64);
        }
    }
    int64_t hits = 0;
    for (size_t i = 0; i < nr; i++) {
        if (!((U[i / 64] >> (i % 64)) & 1)) continue;
        uint32_t t = ref[i];
        if (pred_left[t] > 0 && ref_left[t] > 0) {
            hits++;
            pred_left[t]--;
            ref_left[t]--;
        }
    }
    *out = hits;
    return 0;
}

/* ---------------------------------------------------------------------------------------- */
/* One pair                                                                                  */

typedef struct {
    double p, r, f;
} Triple;

static Triple triple(int64_t hits, int64_t pred_len, int64_t ref_len) {
    Triple t;
    t.p = (double)hits / (double)pred_len;
    t.r = (double)hits / (double)ref_len;
    /* written as rouge-score writes it, so the floats round identically */
    t.f = t.p + t.r > 0 ? 2 * t.p * t.r / (t.p + t.r) : 0.0;
    return t;
}

static const Triple ZERO = {0.0, 0.0, 0.0};

static int score_docs(Work *w, const Doc *pred, const Doc *ref, size_t n_ids, const int *types,
                      int ntypes, Triple *out) {
    long k = localize(w, pred, ref, n_ids);
    if (k < 0) return -1;
    const uint32_t *lp = w->lp.v, *lr = w->lr.v;
    size_t np = w->lp.n, nr = w->lr.n;
    size_t npl = pred->lines.n - 1, nrl = ref->lines.n - 1;
    int64_t lcs = -1;
    if (ensure_k(w, (size_t)k)) return -1;
    for (int t = 0; t < ntypes; t++) {
        int type = types[t];
        if (type >= 1) {
            int64_t hits;
            if (type == 1)
                hits = unigram_hits(w, lr, nr, lp, np, (size_t)k);
            else if (ngram_hits(w, lr, nr, lp, np, type, &hits))
                return -1;
            int64_t pc = (int64_t)np - type + 1, rc = (int64_t)nr - type + 1;
            out[t] = triple(hits, pc > 1 ? pc : 1, rc > 1 ? rc : 1);
        } else if (np == 0 || nr == 0) {
            out[t] = ZERO;
        } else if (type == TYPE_L || (npl == 1 && nrl == 1)) {
            /* one line each: every LCS position is a hit, no backtrack needed */
            if (lcs < 0 && lcs_length(w, lr, nr, lp, np, (size_t)k, &lcs)) return -1;
            out[t] = triple(lcs, (int64_t)np, (int64_t)nr);
        } else {
            int64_t hits;
            if (lsum_hits(w, lr, ref->lines.v, nrl, lp, pred->lines.v, npl, (size_t)k, &hits))
                return -1;
            out[t] = triple(hits, (int64_t)np, (int64_t)nr);
        }
    }
    return 0;
}

/* Best reference per type by F-measure, the first on ties (rouge-score's score_multi). */
static void keep_best(Triple *best, const Triple *got, int ntypes, int first) {
    for (int t = 0; t < ntypes; t++)
        if (first || got[t].f > best[t].f) best[t] = got[t];
}

/* ---------------------------------------------------------------------------------------- */
/* Python glue                                                                               */

static Work *gil_work = NULL;      /* used with the GIL held */
static Work *pool[MAX_THREADS];    /* used by the threads of score_english */
static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static PyObject *token_ids = NULL; /* str -> int for already tokenized texts */

static Work *work_new(void) {
    Work *w = calloc(1, sizeof(Work));
    return w;
}

static int raise_for(Work *w) {
    if (w->err == ERR_NOMEM) PyErr_NoMemory();
    else if (w->err == ERR_CANCEL && !PyErr_Occurred()) PyErr_SetString(PyExc_KeyboardInterrupt, "");
    else if (!PyErr_Occurred()) PyErr_SetString(PyExc_RuntimeError, "ROUGE core failed");
    w->err = OK;
    return -1;
}

static int parse_types(PyObject *types, PyObject *names, int *out) {
    if (!PyTuple_Check(types) || !PyTuple_Check(names) ||
        PyTuple_GET_SIZE(types) != PyTuple_GET_SIZE(names)) {
        PyErr_SetString(PyExc_TypeError, "types and names must be tuples of one length");
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(types);
    if (n < 1 || n > MAX_TYPES) {
        PyErr_SetString(PyExc_ValueError, "between 1 and 16 ROUGE types");
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        long t = PyLong_AsLong(PyTuple_GET_ITEM(types, i));
        if (t == -1 && PyErr_Occurred()) return -1;
        if (t < -1 || t > 9) {
            PyErr_SetString(PyExc_ValueError, "type codes: -1 (Lsum), 0 (L), 1..9 (N)");
            return -1;
        }
        out[i] = (int)t;
    }
    return (int)n;
}

static PyObject *make_triple(PyTypeObject *cls, const Triple *t) {
    PyObject *obj = cls->tp_alloc(cls, 3);
    if (obj == NULL) return NULL;
    double v[3] = {t->p, t->r, t->f};
    for (int i = 0; i < 3; i++) {
        PyObject *f = PyFloat_FromDouble(v[i]);
        if (f == NULL) {
            Py_DECREF(obj);
            return NULL;
        }
        PyTuple_SET_ITEM(obj, i, f);
    }
    return obj;
}

static PyObject *make_scores(PyTypeObject *cls, PyObject *names, const Triple *best, int ntypes) {
    PyObject *d = PyDict_New();
    if (d == NULL) return NULL;
    for (int t = 0; t < ntypes; t++) {
        PyObject *tr = make_triple(cls, &best[t]);
        if (tr == NULL || PyDict_SetItem(d, PyTuple_GET_ITEM(names, t), tr) < 0) {
            Py_XDECREF(tr);
            Py_DECREF(d);
            return NULL;
        }
        Py_DECREF(tr);
    }
    return d;
}

static int check_triple_class(PyObject *cls) {
    if (!PyType_Check(cls) || !PyType_IsSubtype((PyTypeObject *)cls, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "triple must be a tuple subclass");
        return -1;
    }
    return 0;
}

/* A text's bytes for the tokenizer: ASCII as is (lowercased in C), anything else lowercased by
 * Python's str.lower first, as rouge-score does, then read as UTF-8. */
typedef struct {
    const unsigned char *s;
    Py_ssize_t n;
} Text;

static int text_of(PyObject *obj, PyObject *keep, Text *out) {
    if (!PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "texts must be str, not %.80s", Py_TYPE(obj)->tp_name);
        return -1;
    }
    if (PyUnicode_IS_ASCII(obj)) { /* the caller's list holds it; `keep` too, for safety */
        if (PyList_Append(keep, obj) < 0) return -1;
        out->s = (const unsigned char *)PyUnicode_DATA(obj);
        out->n = PyUnicode_GET_LENGTH(obj);
        return 0;
    }
    PyObject *lowered = PyObject_CallMethod(obj, "lower", NULL);
    if (lowered == NULL) return -1;
    int rc = PyList_Append(keep, lowered);
    Py_DECREF(lowered); /* `keep` holds it */
    if (rc < 0) return -1;
    if (PyUnicode_IS_ASCII(lowered)) {
        out->s = (const unsigned char *)PyUnicode_DATA(lowered);
        out->n = PyUnicode_GET_LENGTH(lowered);
        return 0;
    }
    out->s = (const unsigned char *)PyUnicode_AsUTF8AndSize(lowered, &out->n);
    if (out->s != NULL) return 0;
    /* lone surrogates: any non-ASCII character separates tokens, so '?' does as well */
    PyErr_Clear();
    PyObject *bytes = PyUnicode_AsEncodedString(lowered, "utf-8", "replace");
    if (bytes == NULL) return -1;
    rc = PyList_Append(keep, bytes);
    Py_DECREF(bytes);
    if (rc < 0) return -1;
    out->s = (const unsigned char *)PyBytes_AS_STRING(bytes);
    out->n = PyBytes_GET_SIZE(bytes);
    return 0;
}

typedef struct {
    size_t npairs;
    Text *preds;
    size_t *ref_start; /* refs of pair i: refs[ref_start[i] .. ref_start[i+1]) */
    Text *refs;
    int types[MAX_TYPES];
    int ntypes;
    int use_stemmer;
    Triple *out;
    size_t next;
    volatile int cancel;
    int err;
    int running;
    pthread_mutex_t lock;
    pthread_cond_t done;
} Batch;

static int score_one_english(Work *w, Batch *b, size_t i) {
    if (w->vocab.n > VOCAB_RESET) vocab_clear(&w->vocab); /* ids need only agree in a pair */
    Triple got[MAX_TYPES];
    Triple *best = b->out + i * (size_t)b->ntypes;
    if (tokenize_en(w, b->preds[i].s, b->preds[i].n, b->use_stemmer, &w->pred)) return -1;
    for (size_t r = b->ref_start[i]; r < b->ref_start[i + 1]; r++) {
        if (tokenize_en(w, b->refs[r].s, b->refs[r].n, b->use_stemmer, &w->ref)) return -1;
        if (score_docs(w, &w->pred, &w->ref, w->vocab.n, b->types, b->ntypes, got)) return -1;
        keep_best(best, got, b->ntypes, r == b->ref_start[i]);
    }
    return 0;
}

static void *batch_worker(void *arg) {
    void **pair = arg;
    Batch *b = pair[0];
    Work *w = pair[1];
    w->gil = 0;
    w->cancel = &b->cancel;
    w->work = 0;
    for (;;) {
        if (b->cancel) break;
        size_t i = __atomic_fetch_add(&b->next, 1, __ATOMIC_RELAXED);
        if (i >= b->npairs) break;
        if (score_one_english(w, b, i)) {
            pthread_mutex_lock(&b->lock);
            if (b->err == OK || b->err == ERR_CANCEL) b->err = w->err;
            pthread_mutex_unlock(&b->lock);
            b->cancel = 1;
            w->err = OK;
            break;
        }
    }
    pthread_mutex_lock(&b->lock);
    b->running--;
    pthread_cond_signal(&b->done);
    pthread_mutex_unlock(&b->lock);
    return NULL;
}

/* Runs the batch on `threads` threads without the GIL; the calling thread wakes at least every
 * 50 ms to look for an interrupt. Returns 0, or -1 with a Python error set. */
static int run_threads(Batch *b, int threads) {
    pthread_t tid[MAX_THREADS];
    void *args[MAX_THREADS][2];
    int started = 0;
    PyThreadState *state = PyEval_SaveThread();
    pthread_mutex_lock(&pool_lock);
    pthread_mutex_lock(&b->lock);
    for (int t = 0; t < threads; t++) {
        if (pool[t] == NULL && (pool[t] = work_new()) == NULL) break;
        args[t][0] = b;
        args[t][1] = pool[t];
        b->running++;
        if (pthread_create(&tid[t], NULL, batch_worker, args[t]) != 0) {
            b->running--;
            break;
        }
        started++;
    }
    while (b->running > 0) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 50 * 1000 * 1000;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        if (pthread_cond_timedwait(&b->done, &b->lock, &until) == 0 || b->cancel) continue;
        pthread_mutex_unlock(&b->lock);
        PyEval_RestoreThread(state);
        int sig = PyErr_CheckSignals();
        state = PyEval_SaveThread();
        pthread_mutex_lock(&b->lock);
        if (sig != 0) {
            b->cancel = 1;
            if (b->err == OK || b->err == ERR_CANCEL) b->err = ERR_INTERRUPT;
        }
    }
    pthread_mutex_unlock(&b->lock);
    for (int t = 0; t < started; t++) pthread_join(tid[t], NULL);
    pthread_mutex_unlock(&pool_lock);
    PyEval_RestoreThread(state);
    if (started == 0 || b->err == ERR_NOMEM) {
        if (!PyErr_Occurred()) PyErr_NoMemory();
        return -1;
    }
    if (b->err != OK) {
        if (!PyErr_Occurred()) PyErr_SetNone(PyExc_KeyboardInterrupt);
        return -1;
    }
    return 0;
}

static PyObject *py_score_english(PyObject *self, PyObject *args, PyObject *kwargs) {
    static char *kwlist[] = {"predictions", "references", "types", "names", "use_stemmer",
                             "triple", "threads", NULL};
    PyObject *preds, *refs, *types, *names, *cls;
    int use_stemmer, threads = 1;
    (void)self;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OOOOpO|i", kwlist, &preds, &refs, &types,
                                     &names, &use_stemmer, &cls, &threads))
        return NULL;
    if (check_triple_class(cls)) return NULL;
    Batch b;
    memset(&b, 0, sizeof(b));
    b.ntypes = parse_types(types, names, b.types);
    if (b.ntypes < 0) return NULL;
    b.use_stemmer = use_stemmer;
    PyObject *pseq = PySequence_Fast(preds, "predictions must be a sequence");
    if (pseq == NULL) return NULL;
    PyObject *rseq = PySequence_Fast(refs, "references must be a sequence");
    if (rseq == NULL) {
        Py_DECREF(pseq);
        return NULL;
    }
    PyObject *keep = PyList_New(0), *result = NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(pseq);
    size_t nrefs = 0;
    if (keep == NULL) goto done;
    if (PySequence_Fast_GET_SIZE(rseq) != n) {
        PyErr_SetString(PyExc_ValueError, "one reference list per prediction");
        goto done;
    }
    b.npairs = (size_t)n;
    b.preds = PyMem_Calloc((size_t)n + 1, sizeof(Text));
    b.ref_start = PyMem_Calloc((size_t)n + 1, sizeof(size_t));
    b.out = PyMem_Calloc(((size_t)n + 1) * (size_t)b.ntypes, sizeof(Triple));
    if (!b.preds || !b.ref_start || !b.out) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *list = PySequence_Fast_GET_ITEM(rseq, i);
        if (!PyList_Check(list) && !PyTuple_Check(list)) {
            PyErr_SetString(PyExc_TypeError, "each pair's references must be a list of str");
            goto done;
        }
        Py_ssize_t m = PySequence_Fast_GET_SIZE(list);
        if (m < 1) {
            PyErr_Format(PyExc_ValueError, "pair %zd has no reference", i);
            goto done;
        }
        b.ref_start[i] = nrefs;
        nrefs += (size_t)m;
    }
    b.ref_start[n] = nrefs;
    b.refs = PyMem_Calloc(nrefs + 1, sizeof(Text));
    if (!b.refs) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (text_of(PySequence_Fast_GET_ITEM(pseq, i), keep, &b.preds[i])) goto done;
        PyObject *list = PySequence_Fast_GET_ITEM(rseq, i);
        Py_ssize_t m = PySequence_Fast_GET_SIZE(list);
        PyObject **items = PySequence_Fast_ITEMS(list);
        for (Py_ssize_t r = 0; r < m; r++)
            if (text_of(items[r], keep, &b.refs[b.ref_start[i] + (size_t)r])) goto done;
    }
    if (threads > MAX_THREADS) threads = MAX_THREADS;
    if (threads > n) threads = (int)n;
    if (threads > 1) {
        pthread_mutex_init(&b.lock, NULL);
        pthread_cond_init(&b.done, NULL);
        int rc = run_threads(&b, threads);
        pthread_cond_destroy(&b.done);
        pthread_mutex_destroy(&b.lock);
        if (rc) goto done;
    } else {
        if (gil_work == NULL && (gil_work = work_new()) == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        Work *w = gil_work;
        w->gil = 1;
        w->cancel = NULL;
        w->work = 0;
        for (size_t i = 0; i < b.npairs; i++) {
            if (score_one_english(w, &b, i)) {
                raise_for(w);
                goto done;
            }
        }
    }
    result = PyList_New(n);
    if (result == NULL) goto done;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *d = make_scores((PyTypeObject *)cls, names, b.out + (size_t)i * (size_t)b.ntypes,
                                  b.ntypes);
        if (d == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, i, d);
    }
done:
    PyMem_Free(b.preds);
    PyMem_Free(b.ref_start);
    PyMem_Free(b.refs);
    PyMem_Free(b.out);
    Py_XDECREF(keep);
    Py_DECREF(pseq);
    Py_DECREF(rseq);
    return result;
}

/* A tokenized text: a sequence of lines, each a sequence of str tokens. */
static int doc_from_lines(PyObject *lines, Doc *d) {
    PyObject *seq = PySequence_Fast(lines, "a text must be a list of lines (lists of tokens)");
    if (seq == NULL) return -1;
    d->ids.n = 0;
    d->lines.n = 0;
    Py_ssize_t nl = PySequence_Fast_GET_SIZE(seq);
    for (Py_ssize_t l = 0; l < nl; l++) {
        PyObject *line = PySequence_Fast(PySequence_Fast_GET_ITEM(seq, l),
                                         "a line must be a list of str tokens");
        if (line == NULL) goto fail;
        Py_ssize_t nt = PySequence_Fast_GET_SIZE(line);
        PyObject **toks = PySequence_Fast_ITEMS(line);
        size_t first = d->ids.n;
        for (Py_ssize_t t = 0; t < nt; t++) {
            PyObject *tok = toks[t];
            if (!PyUnicode_Check(tok)) {
                PyErr_SetString(PyExc_TypeError, "tokens must be str");
                Py_DECREF(line);
                goto fail;
            }
            PyObject *id = PyDict_GetItemWithError(token_ids, tok);
            long value;
            if (id == NULL) {
                if (PyErr_Occurred()) {
                    Py_DECREF(line);
                    goto fail;
                }
                value = (long)PyDict_GET_SIZE(token_ids);
                PyObject *num = PyLong_FromLong(value);
                if (num == NULL || PyDict_SetItem(token_ids, tok, num) < 0) {
                    Py_XDECREF(num);
                    Py_DECREF(line);
                    goto fail;
                }
                Py_DECREF(num);
            } else {
                value = PyLong_AsLong(id);
            }
            if (u32_push(&d->ids, (uint32_t)value)) {
                Py_DECREF(line);
                PyErr_NoMemory();
                goto fail;
            }
        }
        Py_DECREF(line);
        if (d->ids.n > first && u32_push(&d->lines, (uint32_t)first)) {
            PyErr_NoMemory();
            goto fail;
        }
    }
    Py_DECREF(seq);
    if (u32_push(&d->lines, (uint32_t)d->ids.n)) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
fail:
    Py_DECREF(seq);
    return -1;
}

static PyObject *py_score_tokenized(PyObject *self, PyObject *args) {
    PyObject *pred, *refs, *types, *names, *cls;
    (void)self;
    if (!PyArg_ParseTuple(args, "OOOOO", &pred, &refs, &types, &names, &cls)) return NULL;
    if (check_triple_class(cls)) return NULL;
    int codes[MAX_TYPES];
    int ntypes = parse_types(types, names, codes);
    if (ntypes < 0) return NULL;
    if (gil_work == NULL && (gil_work = work_new()) == NULL) return PyErr_NoMemory();
    if (token_ids == NULL && (token_ids = PyDict_New()) == NULL) return NULL;
    Work *w = gil_work;
    w->gil = 1;
    w->cancel = NULL;
    if (PyDict_GET_SIZE(token_ids) > (Py_ssize_t)VOCAB_RESET) PyDict_Clear(token_ids);
    PyObject *rseq = PySequence_Fast(refs, "references must be a sequence of texts");
    if (rseq == NULL) return NULL;
    Py_ssize_t m = PySequence_Fast_GET_SIZE(rseq);
    if (m < 1) {
        Py_DECREF(rseq);
        PyErr_SetString(PyExc_ValueError, "no reference");
        return NULL;
    }
    Triple best[MAX_TYPES], got[MAX_TYPES];
    if (doc_from_lines(pred, &w->pred)) goto fail;
    for (Py_ssize_t r = 0; r < m; r++) {
        if (doc_from_lines(PySequence_Fast_GET_ITEM(rseq, r), &w->ref)) goto fail;
        if (score_docs(w, &w->pred, &w->ref, (size_t)PyDict_GET_SIZE(token_ids), codes, ntypes,
                       got)) {
            raise_for(w);
            goto fail;
        }
        keep_best(best, got, ntypes, r == 0);
    }
    Py_DECREF(rseq);
    return make_scores((PyTypeObject *)cls, names, best, ntypes);
fail:
    Py_DECREF(rseq);
    return NULL;
}

static PyObject *py_porter_stem(PyObject *self, PyObject *arg) {
    (void)self;
    if (!PyUnicode_Check(arg) || !PyUnicode_IS_ASCII(arg)) {
        PyErr_SetString(PyExc_ValueError, "porter_stem takes a lowercase [a-z0-9] word");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(arg);
    const char *s = (const char *)PyUnicode_DATA(arg);
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0 || ALNUM[c] != c) {
            PyErr_SetString(PyExc_ValueError, "porter_stem takes a lowercase [a-z0-9] word");
            return NULL;
        }
    }
    char *buf = PyMem_Malloc((size_t)n + 1);
    unsigned char *cv = PyMem_Malloc((size_t)n + 1);
    if (!buf || !cv) {
        PyMem_Free(buf);
        PyMem_Free(cv);
        return PyErr_NoMemory();
    }
    memcpy(buf, s, (size_t)n);
    int len = porter_stem(buf, (int)n, cv);
    PyObject *out = PyUnicode_FromStringAndSize(buf, len);
    PyMem_Free(buf);
    PyMem_Free(cv);
    return out;
}

static PyObject *py_lcs_length(PyObject *self, PyObject *args) {
    PyObject *a, *b;
    (void)self;
    if (!PyArg_ParseTuple(args, "OO", &a, &b)) return NULL;
    if (gil_work == NULL && (gil_work = work_new()) == NULL) return PyErr_NoMemory();
    if (token_ids == NULL && (token_ids = PyDict_New()) == NULL) return NULL;
    Work *w = gil_work;
    w->gil = 1;
    w->cancel = NULL;
    PyObject *la = PyTuple_Pack(1, a), *lb = PyTuple_Pack(1, b);
    if (!la || !lb) {
        Py_XDECREF(la);
        Py_XDECREF(lb);
        return NULL;
    }
    int rc = doc_from_lines(la, &w->pred) || doc_from_lines(lb, &w->ref);
    Py_DECREF(la);
    Py_DECREF(lb);
    if (rc) return NULL;
    long k = localize(w, &w->pred, &w->ref, (size_t)PyDict_GET_SIZE(token_ids));
    int64_t lcs;
    if (k < 0 || lcs_length(w, w->lr.v, w->lr.n, w->lp.v, w->lp.n, (size_t)k, &lcs)) {
        raise_for(w);
        return NULL;
    }
    return PyLong_FromLongLong(lcs);
}

static PyObject *py_clear_caches(PyObject *self, PyObject *noargs) {
    (void)self;
    (void)noargs;
    if (gil_work) vocab_clear(&gil_work->vocab);
    Py_BEGIN_ALLOW_THREADS
    pthread_mutex_lock(&pool_lock);
    for (int t = 0; t < MAX_THREADS; t++)
        if (pool[t]) vocab_clear(&pool[t]->vocab);
    pthread_mutex_unlock(&pool_lock);
    Py_END_ALLOW_THREADS
    if (token_ids) PyDict_Clear(token_ids);
    Py_RETURN_NONE;
}

/* Tests shrink the limits so that small inputs take the blocked, checkpointed and sparse paths. */
static PyObject *py_set_limits(PyObject *self, PyObject *args) {
    Py_ssize_t block, rows, masks;
    (void)self;
    if (!PyArg_ParseTuple(args, "nnn", &block, &rows, &masks)) return NULL;
    if (block < 1 || rows < 1 || masks < 0) {
        PyErr_SetString(PyExc_ValueError, "limits must be positive");
        return NULL;
    }
    PyObject *old = Py_BuildValue("nnn", (Py_ssize_t)BLOCK_WORDS, (Py_ssize_t)ROWS_LIMIT,
                                  (Py_ssize_t)MASKS_LIMIT);
    BLOCK_WORDS = (size_t)block;
    ROWS_LIMIT = (size_t)rows;
    MASKS_LIMIT = (size_t)masks;
    return old;
}

static PyMethodDef methods[] = {
    {"_set_limits", py_set_limits, METH_VARARGS,
     "_set_limits(block_words, rows_limit, masks_limit) -> old limits (for tests)."},
    {"score_english", (PyCFunction)(void (*)(void))py_score_english, METH_VARARGS | METH_KEYWORDS,
     "score_english(predictions, references, types, names, use_stemmer, triple, threads=1)\n"
     "Per pair, {name: triple(p, r, f)} with rouge-score's tokenizer; references[i] is a list."},
    {"score_tokenized", py_score_tokenized, METH_VARARGS,
     "score_tokenized(prediction_lines, reference_lines_list, types, names, triple)\n"
     "{name: triple(p, r, f)} of tokenized texts (lists of lines of str tokens)."},
    {"porter_stem", py_porter_stem, METH_O, "NLTK's Porter stem of a lowercase [a-z0-9] word."},
    {"lcs_length", py_lcs_length, METH_VARARGS, "LCS length of two sequences of str tokens."},
    {"clear_caches", py_clear_caches, METH_NOARGS, "Forget every cached word and stem."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_rouge_native",
    "ROUGE scored in C, equal to rouge-score 0.1.2 (see evalsuite.metrics.rouge).", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__rouge_native(void) {
    init_tables();
    return PyModule_Create(&module);
}
