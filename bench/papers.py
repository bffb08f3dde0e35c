"""Synthetic papers for bench/make_site.py: plausible titles, authors and venues, and the ways
people rewrite a title when they list the same paper again."""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from typing import List

OWNER = "Jordan Rivera"

ADJECTIVES = ["Efficient", "Scalable", "Robust", "Adaptive", "Sparse", "Federated", "Causal", "Contrastive",
              "Hierarchical", "Probabilistic", "Differentiable", "Self-Supervised", "Multi-Modal", "Low-Rank",
              "Distributed", "Interpretable", "Generative", "Bayesian", "Online", "Memory-Efficient"]
NOUNS = ["Attention", "Transformers", "Graph Networks", "Diffusion Models", "Language Models", "Optimization",
         "Inference", "Representations", "Policies", "Kernels", "Embeddings", "Retrieval", "Compression",
         "Scheduling", "Parallelism", "Quantization"]
TASKS = ["Video Generation", "Protein Folding", "Image Restoration", "Speech Synthesis", "Machine Translation",
         "Recommendation", "Climate Forecasting", "Robot Control", "Code Generation", "Medical Imaging",
         "Traffic Prediction", "Question Answering", "Long Sequences", "Edge Devices"]
METHODS = ["Pyramid Broadcast", "Activation Chunking", "Sequence Parallelism", "Mixture of Experts",
           "Knowledge Distillation", "Token Pruning", "Curriculum Learning", "Neural Architecture Search"]
PATTERNS = ["{a} {n} for {t}", "{name}: {a} {n} for {t}", "Towards {a} {t} with {n}",
            "On the Convergence of {a} {n}", "{a} {n} via {m}", "{name}: {m} for {a} {t}",
            "Rethinking {n} for {t}: {a} Perspectives", "When {n} Meet {t}"]
SYLLABLES = ["Fast", "Auto", "Hete", "Deep", "Flash", "Mega", "Tiny", "Hyper", "Omni", "Meta", "Pano",
             "Fold", "Chunk", "Gen", "Net", "Former", "Speech", "Sys", "Flow", "Diff", "Sign", "Mix",
             "Quant", "Spark", "Graph", "Vox", "Lumi", "Chrono", "Geo", "Bio", "Cyto", "Astro", "Neuro",
             "Sparse", "Dense", "Swift", "Echo", "Pulse", "Prism", "Orbit"]
# real titles draw on a vocabulary that grows with their number; blocking on rare words depends on it
PREFIXES = ["photo", "electro", "thermo", "hydro", "spectro", "magneto", "chemo", "cardio", "immuno",
            "geno", "proteo", "cryo", "seismo", "aero", "litho", "hemo", "osteo", "radio", "micro",
            "nano", "opto", "piezo", "ferro", "glyco", "lipo", "myo", "neuro", "onco", "patho", "pharmaco"]
INFIXES = ["", "", "", "", "bio", "geo", "astro", "chrono", "cyto", "litho", "meta", "para", "poly", "pseudo",
           "quasi", "retro", "semi", "stereo", "tele", "ultra"]  # a vocabulary of ~15,000 terms
SUFFIXES = ["graphy", "metry", "scopy", "genesis", "lysis", "kinetics", "dynamics", "mechanics",
            "statics", "genomics", "tomography", "catalysis", "synthesis", "plasticity", "conductance",
            "morphology", "chemistry", "physics", "logy", "phoresis", "sensing", "transduction",
            "resonance", "luminescence", "fluidics", "mapping", "imaging", "modeling", "signaling", "therapy"]
FIRST = ["Wei", "Ana", "Yang", "Lucas", "Mei", "Omar", "Sofia", "Kai", "Elena", "Ravi", "Hana", "Jonas",
         "Li", "Marta", "Chen", "Noah", "Aisha", "Pedro", "Yuki", "Ivan", "Zoe", "Tariq", "Lena", "Bin",
         "Grace", "Hugo", "Priya", "Sven", "Ming", "Clara"]
LAST = ["Zhang", "Silva", "You", "Müller", "Wang", "Haddad", "Rossi", "Kim", "Petrov", "Sharma", "Sato",
        "Berg", "Liu", "Novak", "Chen", "Smith", "Khan", "Costa", "Tanaka", "Ivanov", "Dubois", "Ali",
        "Fischer", "Jia", "Brown", "Martin", "Gupta", "Larsen", "Zhou", "Schön", "Cheng", "Zhao"]
VENUES = ["NeurIPS", "ICML", "ICLR", "CVPR", "ACL", "EMNLP", "AAAI", "KDD", "SIGMOD", "PPoPP", "MLSys",
          "Nature Communications", "IEEE TPAMI", "JMLR"]
CATEGORIES = ["conferences", "manuscripts", "books"]


@dataclass
class Paper:
    title: str
    authors: List[str]
    venue: str
    year: int
    date: str
    slug: str
    url: str
    code: str
    abstract: str
    category: str

    def preprint(self, rng: random.Random) -> "Paper":
        """The arXiv version of the same paper, often with a slightly different title."""
        return replace(self, title=title_variant(rng, self.title), venue="arXiv",
                       date=f"{self.year - 1}-{self.date[5:]}" if self.year > 2005 else self.date,
                       slug=self.slug + "-arxiv", category="manuscripts")


def make_papers(rng: random.Random, count: int) -> List[Paper]:
    """`count` papers with distinct titles; 1 in 100 is the same paper entered twice."""
    papers: List[Paper] = []
    seen = set()
    while len(papers) < count:
        if papers and rng.random() < 0.01:
            twin = rng.choice(papers)
            papers.append(replace(twin, slug=f"{twin.slug}-{len(papers)}"))
            continue
        title = make_title(rng)
        if title in seen:
            continue
        seen.add(title)
        papers.append(make_paper(rng, title, len(papers)))
    return papers


def make_title(rng: random.Random) -> str:
    name = rng.choice(SYLLABLES) + rng.choice(SYLLABLES)
    title = rng.choice(PATTERNS).format(a=rng.choice(ADJECTIVES), n=rng.choice(NOUNS), t=rng.choice(TASKS),
                                        m=rng.choice(METHODS), name=name)
    term = (rng.choice(PREFIXES) + rng.choice(INFIXES) + rng.choice(SUFFIXES)).capitalize()
    roll = rng.random()
    if roll < 0.5:
        title += f" in {term}"
    elif roll < 0.8:
        title = title.replace(" for ", f" for {term} and ", 1) if " for " in title else f"{term}: {title}"
    return title


def make_paper(rng: random.Random, title: str, index: int) -> Paper:
    year = rng.randint(2005, 2025)
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    authors = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.randint(2, 8))]
    if rng.random() < 0.85:
        authors.insert(rng.randrange(len(authors) + 1), OWNER)
    slug = f"{date}-" + re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] + f"-{index}"
    venue = rng.choice(VENUES) + f" {year}" if rng.random() < 0.85 else "arXiv"
    if year >= 2015:
        url = f"https://arxiv.org/abs/{year % 100:02d}{rng.randint(1, 12):02d}.{rng.randint(1, 19999):05d}"
    else:
        url = f"https://doi.org/10.{rng.randint(1000, 9999)}/{rng.randint(100000, 999999)}"
    code = f"https://github.com/jrivera/{slug[11:40].strip('-')}" if rng.random() < 0.5 else ""
    abstract = (f"We study {title.lower()}. Our method improves throughput by {rng.randint(2, 40)}x "
                f"over strong baselines while using {rng.randint(10, 90)}% less memory.")
    return Paper(title, authors, venue, year, date, slug, url, code, abstract,
                 rng.choice(CATEGORIES))


def title_variant(rng: random.Random, title: str) -> str:
    """The title as someone retyped it: mostly unchanged, sometimes not quite."""
    roll = rng.random()
    if roll < 0.7:
        return title
    if roll < 0.76:
        return title[0] + title[1:].lower()  # sentence case
    if roll < 0.82:
        return title.replace(": ", " - ", 1) if ": " in title else title + "."
    if roll < 0.87:
        return title.split(": ", 1)[-1]  # subtitle only
    if roll < 0.91:
        return title.replace(" and ", " & ").replace(" for ", " for\u00a0")
    if roll < 0.95:
        return title.upper()
    return f"{title} (Extended Abstract)"
