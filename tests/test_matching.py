"""Publication identity and the keyed clustering of news, degrees and jobs."""
from migrator.matching import (cluster_education, cluster_experience, cluster_publications, cluster_texts,
                               degree_level, degree_levels, same_organisation, short_name, title_key)
from migrator.model import Education, Experience, Link, NewsItem, Person, Publication, Span, Venue


def pub(title, authors=(), venue="", links=(), line=1):
    year = int(venue.split()[-1]) if venue and venue.split()[-1].isdigit() else None
    return Publication(title=title, authors=[Person(name=a) for a in authors],
                       venue=Venue(label=venue, year=year) if venue else None,
                       links=[Link(kind="paper", url=u) for u in links], span=Span("p.md", line))


AUTHORS = ["Xuanlei Zhao", "Shenggan Cheng", "Guangyang Lu", "Jiarui Fang", "Haotian Zhou", "Bin Jia"]


def sizes(groups):
    return sorted(len(g) for g in groups)


def test_title_variants_of_the_seed_cv_cluster():
    pubs = [
        pub("FastFold: Optimizing AlphaFold Training and Inference on GPU Clusters",
            ["Shenggan Cheng", "Xuanlei Zhao", "Guangyang Lu"], "PPoPP 2024"),
        pub("FastFold: Reducing AlphaFold Training Time from 11 Days to 67 Hours",
            ["Shenggan Cheng", "Xuanlei Zhao", "Guangyang Lu", "Zhongming Yu"], "PPoPP 2024"),
        pub("HeteGen: Heterogeneous Parallel Inference for Large Language Models on Resource-Constrained Devices"),
        pub("HeteGen: Efficient Heterogeneous Parallel Inference for Large Language Models on Resource-Constrained Devices"),
        pub("AutoChunk: Automated Activation Chunk for Memory-Efficient Long Sequence Inference", AUTHORS, "ICLR 2024"),
        pub("AutoChunk: Automated Activation Chunk for Memory-Efficient Deep Learning Inference", AUTHORS[:3], "ICLR 2024"),
    ]
    groups = cluster_publications(pubs)
    assert sizes(groups) == [2, 2, 2]
    assert groups[0][0] is pubs[0]  # groups come in reading order


def test_series_and_unrelated_titles_stay_apart():
    pubs = [pub("FastSpeech: Fast, Robust and Controllable Text to Speech", ["Yi Ren"], "NeurIPS 2019"),
            pub("FastSpeech 2: Fast and High-Quality End-to-End Text to Speech", ["Yi Ren"], "ICLR 2021"),
            pub("Can Spatiality Promote Diversity?", links=["https://arxiv.org/abs/1802.09337"]),
            pub("The Dynamics of Knowledge Acquisition via Self-Learning in Complex Networks",
                links=["https://arxiv.org/abs/1802.09337"])]
    assert sizes(cluster_publications(pubs)) == [1, 1, 1, 1]


def test_same_arxiv_id_joins_preprint_and_published_titles():
    pubs = [pub("Complex systems: features, similarity and connectivity", venue="arXiv 2016",
                links=["https://arxiv.org/abs/1606.05400v2"]),
            pub("Complex Systems: Features, Similarity and Connectivity", venue="Physics Reports 2020",
                links=["https://arxiv.org/pdf/1606.05400"])]
    assert sizes(cluster_publications(pubs)) == [2]


def test_keys():
    assert short_name("FastFold: Optimizing AlphaFold") == "fastfold"
    assert short_name("DSP: Dynamic Sequence Parallelism") == "dsp"
    assert short_name("Deep learning: a survey") == ""
    assert title_key("Evolutionary Zero-Shot Proxy[J]") == title_key("Evolutionary zero-shot proxy")


def test_organisations_and_degrees():
    assert same_organisation("HPC-AI TECH Inc. (Colossal-AI)", "Colossal-AI")
    assert same_organisation("NUS", "National University of Singapore")
    assert same_organisation("Zhejiang Univeristy", "Zhejiang University")
    assert not same_organisation("Peking University", "Tsinghua University")
    # letters from inside a word ('Jiao-Tong'), every word's initial in order
    assert same_organisation("XJTU", "Xi'an Jiaotong University") and same_organisation("SJTU", "Shanghai Jiao Tong University")
    assert not same_organisation("XU", "Xi'an Jiaotong University") and not same_organisation("TJU", "Xi'an Jiaotong University")
    assert [degree_level(x) for x in ["Ph.D. in CS", "M.S. in CS", "B.Eng.", "B.S.", "Undergraduate", "MSc"]] == \
        ["phd", "master", "bachelor", "bachelor", "bachelor", "master"]
    # the verb 'be' and the word 'ma' are not degrees
    assert degree_levels("I will be an academic visitor; ma belle") == set()
    assert degree_levels("I received my M.S. and B.S. degrees from NTHU") == {"master", "bachelor"}


def test_degree_and_job_clusters():
    degrees = [Education(institution="National University of Singapore", degree="Ph.D."),
               Education(institution="National University of Singapore", degree="M.S."),
               Education(institution="NUS", degree="PhD in Computer Science"),
               Education(institution="Huazhong University of Science and Technology", degree="B.S."),
               Education(institution="Huazhong University of Science and Technology", degree="B.Eng.")]
    assert sizes(cluster_education(degrees)) == [1, 2, 2]
    jobs = [Experience(organisation="Colossal-AI"), Experience(organisation="HPC-AI TECH Inc. (Colossal-AI)"),
            Experience(organisation="Adobe")]
    assert sizes(cluster_experience(jobs)) == [1, 2]


def test_news_cluster_by_text_and_date():
    news = [NewsItem(date="2024-03", text="Two papers are **accepted** by ICLR 2024"),
            NewsItem(date="2024-03", text="Two papers are accepted by ICLR 2024!"),
            NewsItem(date="2025-03", text="Two papers are accepted by ICLR 2024")]
    assert sizes(cluster_texts(news, lambda n: n.text, lambda n: n.date)) == [1, 2]


def test_a_shared_arxiv_id_does_not_join_clearly_different_titles():
    # a dataset's arXiv report cited in the notes of a sibling paper (corpus site JimmyZou)
    arxiv = ["https://arxiv.org/abs/2004.14899"]
    pubs = [pub("Polarization Human Pose and Shape Dataset", ["Shihao Zou"], "arXiv 2020", arxiv),
            pub("3D Human Shape Reconstruction from a Polarization Image", ["Shihao Zou"], "ECCV 2020", arxiv),
            pub("Deep Residual Learning", venue="arXiv 2015", links=["https://doi.org/10.1109/cvpr.2016.90"]),
            pub("Deep Residual Learning for Image Recognition", venue="CVPR 2016",
                links=["https://doi.org/10.1109/CVPR.2016.90"])]
    assert [[p.title[:12] for p in g] for g in cluster_publications(pubs)] == [
        ["Polarization"], ["3D Human Sha"], ["Deep Residua", "Deep Residua"]]
