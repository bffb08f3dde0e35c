"""Venue labels, years and preprint flags: a table of venue strings the readers found on the corpus and
fixtures (raw -> label, year, preprint), then constructed cases for names the corpus lacks."""
import pytest

from migrator.readers.fields import parse_venue

# Harvested with `migrate dump SITE` (publications[*].venue.raw) over ../shared/corpus and fixtures/.
# Years come from the string only (a collection's `date` is added by its reader, not here).
REAL = [
    # Algolzw__Algolzw.github.io
    ('Preprint', 'Preprint', None, True),
    ('Philosophical Transactions A 2025', 'Philosophical Transactions A 2025', 2025, False),
    ('NeurIPS 2024', 'NeurIPS 2024', 2024, False),
    ('ICLR 2024', 'ICLR 2024', 2024, False),
    ('Medical Image Analysis 2021', 'Medical Image Analysis 2021', 2021, False),
    ('IEEE ACCESS 2020', 'IEEE ACCESS 2020', 2020, False),
    # GeneAIhub__zh-cn
    ('Reliability Engineering & System Safety, 2025',
     'Reliability Engineering & System Safety 2025', 2025, False),
    ('Engineering Applications of Artificial Intelligence, 2024 (TOP)',
     'Engineering Applications of Artificial Intelligence 2024', 2024, False),
    ('Measurement, 2024', 'Measurement 2024', 2024, False),
    # GuotaoLiang__GuotaoLiang.github.io
    ('🔥 AAAI 2026', 'AAAI 2026', 2026, False),
    ('🔥 CVPR 2025', 'CVPR 2025', 2025, False),
    # ranutdog__acad-homepage.github.io
    ('IEEE Transactions on Intelligent Transportation Systems', 'T-ITS', None, False),
    # 924973292__924973292.github.io
    ('AAAI Conference on Artificial Intelligence 2025', 'AAAI 2025', 2025, False),
    ('IEEE Transactions on Intelligent Transportation Systems 2025', 'T-ITS 2025', 2025, False),
    ('IEEE/CVF Winter Conference on Applications of Computer Vision 2025 Oral', 'WACV 2025', 2025, False),
    # 96linan__linan.github.io
    ('(CCF-A)', 'CCF-A', None, False),
    ('(**Best Paper Nominee**, CCF-C)', 'Best Paper Nominee, CCF-C', None, False),
    ('(EI)', 'EI', None, False),
    ('Singapore:Springer, Hardcover ISBN:978-981-95-9154-1,2026. (The first academic monograph on performance predictors in evolutionary neural architecture search)',
     'Singapore: Springer 2026', 2026, False),
    ('*IEEE Journal of Selected Topics in Applied Earth Observations and Remote Sensing*, 2026, doi: 10.1109/JSTARS.2026.3719281',
     'JSTARS 2026', 2026, False),
    ('*AI Medicine*, 2026', 'AI Medicine 2026', 2026, False),
    ('*IEEE Transactions on Image Processing*, 2026, doi: 10.1109/TIP.2026.3706305', 'TIP 2026', 2026, False),
    ('*IEEE Transactions on Evolutionary Computation*, early access, 2026, doi: 10.1109/TEVC.2026.3680503',
     'TEVC 2026', 2026, False),
    ('*IEEE Transactions on Evolutionary Computation*, early access, 2025, doi: 10.1109/TEVC.2025.3639127',
     'TEVC 2025', 2025, False),
    ('*IEEE Transactions on Neural Networks and Learning Systems*, early access, 2025, doi: 10.1109/TNNLS.2025.3628671',
     'TNNLS 2025', 2025, False),
    ('*ACM Computing Surveys*, vol. 56, no. 2, Art. no. 41, pp. 1–34, 2024, doi: 10.1145/3603704. **Highly Cited Paper (TOP 1% worldwide); Research Frontier Paper (ONLY one per issue).**',
     'ACM Computing Surveys 2024', 2024, False),
    ('*IEEE Transactions on Fuzzy Systems*, vol. 32, no. 5, pp. 3274–3285, 2024, doi: 10.1109/TFUZZ.2024.3373792. **Highly Cited Paper (TOP 1% worldwide); Research Frontier Paper (ONLY one per issue).**',
     'TFUZZ 2024', 2024, False),
    ('*Swarm and Evolutionary Computation*, vol. 96, Art. no. 101956, 2025, doi: 10.1016/j.swevo.2025.101956',
     'Swarm and Evolutionary Computation 2025', 2025, False),
    ('*Applied Soft Computing*, vol. 143, Art. no. 110412, 2023, doi: 10.1016/j.asoc.2023.110412',
     'Applied Soft Computing 2023', 2023, False),
    ('*IEEE Transactions on Evolutionary Computation*, vol. 28, no. 3, pp. 570–581, 2024, doi: 10.1109/TEVC.2023.3314766. **ESI Hot Paper (TOP 0.1% worldwide); Highly Cited Paper (TOP 1% worldwide); Research Frontier Paper (ONLY one per issue).**',
     'TEVC 2024', 2024, False),
    ('*IEEE Transactions on Cybernetics*, vol. 52, no. 12, pp. 12698–12711, 2022, doi: 10.1109/TCYB.2021.3086501. **ESI Hot Paper (TOP 0.1% worldwide); Highly Cited Paper (TOP 1% worldwide); Research Frontier Paper (ONLY one per issue).**',
     'TCYB 2022', 2022, False),
    ('*International Journal of Bio-Inspired Computation*, vol. 23, no. 4, pp. 203–213, 2024, doi: 10.1504/IJBIC.2024.139268',
     'International Journal of Bio-Inspired Computation 2024', 2024, False),
    ('信息与控制,2024,53(02):129-153. (入选科技期刊双语传播工程)', '信息与控制 2024', 2024, False),
    ('陕西师范大学学报(自然科学版),2021,49(05):30-38+133.DOI:10.15983/j.cnki.jsnu.2021.01.022. (卓越论文奖)',
     '陕西师范大学学报(自然科学版) 2021', 2021, False),
    # AntoineVendeville__antoinevendeville.github.io
    ('Preprint on , HAL', 'Preprint on HAL', None, True),
    ('Dataset on OSF. Preprint on , HAL', 'Dataset on OSF', None, False),
    ('PLOS ONE 20(12): e0338486. Preprint on HAL', 'PLOS ONE', None, False),
    ('Physical Review E, 111, 064310. Preprint on , HAL. Featured in Physics Magazine',
     'Physical Review E', None, False),
    ('Proceedings of Complex Networks and Their Applications XI. Preprint on , HAL',
     'Proceedings of Complex Networks and Their Applications XI', None, False),
    ('IEEE/ACM Transactions on Networking, 2021. Preprint on , HAL', 'ToN 2021', 2021, False),
    ('Applied Network Science 6, 1, 2021. Preprint on , HAL', 'Applied Network Science 2021', 2021, False),
    ('IEEE INFOCOM 2019, pp. 2413-2421. Preprint on , HAL', 'IEEE INFOCOM 2019', 2019, False),
    ('2024. Manuscript available on UCL Discovery and on HAL',
     'Manuscript available on UCL Discovery and on HAL 2024', 2024, True),
    # CharleySchaefer__charleyschaefer.github.io
    ('J. Am. Chem. Soc.', 'J. Am. Chem. Soc', None, False),
    ('J. Chem. Phys.', 'J. Chem. Phys', None, False),
    ('[J. Rheol](https://sor.scitation.org/doi/full/10.1122/8.0000411)', 'J. Rheol', None, False),
    ('[Frontiers in Molecular Neuroscience](https://doi.org/10.3389/fnmol.2022.962526)',
     'Frontiers in Molecular Neuroscience', None, False),
    # Davidvandijcke__davidvandijcke.github.io
    ('Proceedings of the National Academy of Sciences', 'PNAS', None, False),
    # celis__academicpages.github.io
    ('arXiv:1806.05162', 'arXiv', None, True),
    # dumpram__academicpages.github.io
    ('2015 38th International Convention on Information and Communication Technology, Electronics and Microelectronics (MIPRO)',
     'MIPRO 2015', 2015, False),
    ('Real-Time Syst 56, 112–119 (2020)', 'Real-Time Syst 2020', 2020, False),
    ('2020 IEEE International Instrumentation and Measurement Technology Conference (I2MTC)',
     'I2MTC 2020', 2020, False),
    # filipinascimento__academicpages.github.io
    ('Journal of Statistical Physics, v. 125, n. 4, p. 841--872',
     'Journal of Statistical Physics', None, False),
    ('Physica A: Statistical Mechanics and its Applications, v. 387, n. 24, p. 6201--6214',
     'Physica A: Statistical Mechanics and its Applications', None, False),
    ('Journal of Statistical Mechanics: Theory and Experiment, v. 2010, n. 11, p. P11015',
     'Journal of Statistical Mechanics: Theory and Experiment 2010', 2010, False),
    ('Journal of Physics A: Mathematical and Theoretical, v. 43, n. 32, p. 325202',
     'Journal of Physics A: Mathematical and Theoretical', None, False),
    ('Journal of informetrics, v. 5, n. 3, p. 431--438', 'Journal of informetrics', None, False),
    ('PLoS One, v. 8, n. 11, p. e79913', 'PLoS One', None, False),
    ('Transcriptomics in Health and Disease, p. 79--94', 'Transcriptomics in Health and Disease', None, False),
    ('EPL (Europhysics Letters), v. 110, n. 6, p. 68001', 'EPL', None, False),
    ('Information Sciences, v. 333, p. 61--80', 'Information Sciences', None, False),
    ('Journal of Complex Networks, p. cnx023', 'Journal of Complex Networks', None, False),
    ('International Journal of Circuit Theory and Applications, v. 46, n. 4, p. 978--986',
     'International Journal of Circuit Theory and Applications', None, False),
    ('Chaos: An Interdisciplinary Journal of Nonlinear Science, v. 28, n. 8',
     'Chaos: An Interdisciplinary Journal of Nonlinear Science', None, False),
    # ah-shapes
    ('IEEE Robotics and Automation Letters, 2022', 'RA-L 2022', 2022, False),
    # ap-publist
    ('*Journal of Fluid Mechanics*, 2023', 'Journal of Fluid Mechanics 2023', 2023, False),
    ('Transportation Science, 2021', 'Transportation Science 2021', 2021, False),
    ('*International Conference on Learning Representations (ICLR), 2025*', 'ICLR 2025', 2025, False),
    ('<span style="color:green">Under review</span>', 'Under review', None, True),
    # clean-academicpages
    ('*EMNLP 2026*. [] []', 'EMNLP 2026', 2026, False),
    ('*ACL 2024*. [] []', 'ACL 2024', 2024, False),
    # seed-academicpages
    ('<span style="color:green; font-style:italic">MLSys 2024</span>', 'MLSys 2024', 2024, False),
    ('<span style="color:green; font-style:italic">PPoPP 2024</span>', 'PPoPP 2024', 2024, False),
    # more real cases from the corpus
    ('ICIEA 16', 'ICIEA 2016', 2016, False),
    ('CIKM 19', 'CIKM 2019', 2019, False),
    ('Proceedings of ACL 2024', 'ACL 2024', 2024, False),
    ('arXiv preprint arXiv:2005.04512', 'arXiv', None, True),
    ('arXiv:1209.2476 [physics.soc-ph]', 'arXiv', None, True),
    ('Revision requested: The Stata Journal', 'Revision requested: The Stata Journal', None, True),
    ('Job Market Paper', 'Job Market Paper', None, True),
    ('Working paper', 'Working paper', None, True),
    ('Economics Series Working Papers 910, University of Oxford, Department of Economics',
     'Economics Series Working Papers 910, University of Oxford, Department of Economics', None, True),
    ('Deutsche Bundesbank Discussion Paper (Forthcoming)',
     'Deutsche Bundesbank Discussion Paper (Forthcoming)', None, True),
    ('Bank of England Staff Working Paper No 1015', 'Bank of England Staff Working Paper No 1015', None, True),
    ('Covid Economics: Vetted and Real-Time Papers 7 (CEPR)',
     'Covid Economics: Vetted and Real-Time Papers 7 (CEPR)', None, False),
    ('SSRN', 'SSRN', None, True),
    ('bioRxiv 2026', 'bioRxiv 2026', 2026, True),
    ('Preprint 2023', 'Preprint 2023', 2023, True),
    ('<span style="color:green; font-style:italic">Arxiv</span>', 'arXiv', None, True),
    ('eBioMedicine (by The Lancet) 2020', 'eBioMedicine (by The Lancet) 2020', 2020, False),
    ('ICRA Workshop 2021', 'ICRA Workshop 2021', 2021, False),
    ('CVPRW 2023', 'CVPRW 2023', 2023, False),
    ('Proceedings of the Royal Society A: Mathematical, Physical and Engineering Sciences',
     'Proceedings of the Royal Society A: Mathematical, Physical and Engineering Sciences', None, False),
    ('Transportation Research. Part C: Emerging Technologies',
     'Transportation Research. Part C: Emerging Technologies', None, False),
    ('Ph. D. Thesis', 'Ph. D. Thesis', None, False),
    ('Journal 1', 'Journal 1', None, False),
]

CONSTRUCTED = [
    # a label never names another venue: a field's journal is not its conference
    ("IEEE Transactions on Multimedia, 2021", "TMM 2021", 2021, False),
    ("International Conference on Machine Learning and Applications, 2022",
     "International Conference on Machine Learning and Applications 2022", 2022, False),
    ("International Conference on Algorithmic Learning Theory, 2021",
     "International Conference on Algorithmic Learning Theory 2021", 2021, False),
    ("Workshop on Efficient Systems at the International Conference on Machine Learning (ICML), 2023",
     "ICML Workshop 2023", 2023, False),
    ("Findings of the Association for Computational Linguistics: EMNLP 2023", "Findings of EMNLP 2023", 2023, False),
    ("Under review at ICML 2025", "Under review at ICML 2025", 2025, True),
    ("Submitted to IEEE TPAMI", "Submitted to IEEE TPAMI", None, True),
    ("In preparation", "In preparation", None, True),
    ("In press", "In press", None, False),
    # well-known full names and their usual acronyms
    ("In: Proceedings of the 40th International Conference on Machine Learning, PMLR 202, pp. 1-10, 2023",
     "ICML 2023", 2023, False),
    ("Advances in Neural Information Processing Systems 35 (NeurIPS 2022)", "NeurIPS 2022", 2022, False),
    ("2023 IEEE/RSJ International Conference on Intelligent Robots and Systems (IROS)", "IROS 2023", 2023, False),
    ("ACM SIGKDD Conference on Knowledge Discovery and Data Mining (KDD '23)", "KDD 2023", 2023, False),
    ("NeurIPS 2023 (Spotlight)", "NeurIPS 2023", 2023, False),
    ("CVPR'24", "CVPR 2024", 2024, False),
    ("arXiv preprint arXiv:2301.00001, 2023", "arXiv 2023", 2023, True),
    ("Nature Communications, 14(1), 2023", "Nature Communications 2023", 2023, False),
]


@pytest.mark.parametrize("raw, label, year, preprint", REAL + CONSTRUCTED)
def test_venue_label(raw, label, year, preprint):
    venue = parse_venue(raw)
    assert (venue.label, venue.year, venue.preprint, venue.raw) == (label, year, preprint, raw)


@pytest.mark.parametrize("raw, name", [
    ("*International Conference on Learning Representations (ICLR), 2025*",
     "International Conference on Learning Representations"),
    ("IEEE Robotics and Automation Letters, 2022", "IEEE Robotics and Automation Letters"),
    ("EPL (Europhysics Letters), v. 110, n. 6, p. 68001", "Europhysics Letters"),
    ("Revision requested: The Review of Economics and Statistics", "The Review of Economics and Statistics"),
    ("NeurIPS 2024", ""),
])
def test_full_name(raw, name):
    assert parse_venue(raw).name == name


def test_ids_and_pages_are_not_years():
    assert parse_venue("IEEE Transactions on Cybernetics, 2022, doi: 10.1109/TCYB.2021.3086501").year == 2022
    assert parse_venue("Physica A, v. 499, pp. 2010-2020").year is None
    assert parse_venue("Papers 1999, ISBN 978-3-16-148410-0").year == 1999


def test_long_hostile_text_is_fast():
    """Venue text is page input: patterns must not backtrack for ever on a long odd string."""
    import time

    start = time.monotonic()
    for text in ["ICLR (" + "A" * 20000, "[" * 20000 + "]" * 20000, "<" * 20000, "A" * 20000 + " 19",
                 "x (" + "y" * 20000, "(A" * 10000]:
        assert parse_venue(text).raw == text
    assert time.monotonic() - start < 10
