"""Extractive summaries: verbatim, traceable, informative sentences, no repeats, no junk."""

from __future__ import annotations

from digests.news.summaries import SummaryDoc, SummarySentence, summarise
from digests.news.text import split_sentences

BBC = SummaryDoc(
    title="One million people have fled Ukraine in a week, UN says",
    text=(
        "By Jane Smith, BBC News\n\n"
        "One million people have fled Ukraine in the week since Russia invaded, the UN refugee "
        "agency UNHCR said on Wednesday. The agency warned that as many as four million "
        "Ukrainians could leave the country in the coming weeks.\n\n"
        "Most of the refugees have crossed into Poland, Hungary, Moldova and Romania. "
        "What happens next? Read more: How to help refugees from Ukraine."
    ),
    source="BBC",
)
GUARDIAN = SummaryDoc(
    title="Ukraine refugees pass one million",
    text=(
        "More than one million people have fled Ukraine in the week since Russia invaded, the UN "
        "refugee agency UNHCR said. Meanwhile a Ukrainian delegation left for a second round of "
        "talks with Russia in Belarus, adviser Mykhailo Podolyak said.\n\n"
        "Photograph: Wojtek Radwanski/AFP"
    ),
    source="Guardian",
)


def _verbatim(picked: list[SummarySentence], docs: list[SummaryDoc]) -> bool:
    return all(docs[p.doc].text[p.start:p.end] == p.text for p in picked)


def test_sentences_are_verbatim_with_offsets() -> None:
    """Every pick is a whole sentence of its doc, found again at its offsets."""
    docs = [BBC, GUARDIAN]
    picked = summarise(docs, max_sentences=3, max_chars=2000)
    assert picked and _verbatim(picked, docs)
    for p in picked:
        assert p.text in [s.text for s in split_sentences(docs[p.doc].text)]


def test_single_doc_leads_with_its_key_fact() -> None:
    """One doc alone: its informative opening sentence comes first, not the byline."""
    picked = summarise([BBC], max_sentences=1)
    assert [p.text for p in picked] == [
        "One million people have fled Ukraine in the week since Russia invaded, the UN refugee "
        "agency UNHCR said on Wednesday."]


def test_no_two_sentences_say_the_same_thing() -> None:
    """Two outlets telling the same fact give it once; the second pick adds something new."""
    picked = summarise([BBC, GUARDIAN], max_sentences=2, max_chars=1000)
    fled = [p for p in picked if "fled Ukraine" in p.text]
    assert len(picked) == 2 and len(fled) == 1


def test_junk_sentences_are_skipped() -> None:
    """Bylines, questions, link prompts, credits, datelines, title repeats and stubs never show."""
    junk = SummaryDoc(
        title="Ukraine's delegation leaves for second round of talks in Belarus",
        text=(
            "KYIV, UKRAINE (AP) — MARCH 2, 2022\n\n"
            "Ukraine's delegation leaves for second round of talks in Belarus.\n\n"
            "By Olena Kovalenko and Mark Jones\n\n"
            "Updated: 2 March 2022 14:05 GMT, first published at 09:12\n\n"
            "Will the talks bring a ceasefire this time, after the failure of the first round? "
            "Read more about the first round of talks here in our explainer.\n\n"
            "Delegates arrive at the border crossing near Brest (Sergei Ivanov/Reuters)\n\n"
            "See more.\n\n"
            "The Ukrainian delegation crossed into Belarus on Thursday for a second round of "
            "talks with Russian negotiators near the Polish border."
        ),
        source="Wire",
    )
    picked = summarise([junk], max_sentences=5, max_chars=2000)
    assert [p.text for p in picked] == [
        "The Ukrainian delegation crossed into Belarus on Thursday for a second round of "
        "talks with Russian negotiators near the Polish border."]


def test_a_list_of_links_is_no_sentence() -> None:
    """A feed's related-links block ("• 5 takeaways … • Hits and misses …") is never quoted."""
    doc = SummaryDoc(
        title="President's address sends messages to allies",
        text=("• 5 takeaways from the president's speech • Hits and misses from the speech • "
              "Our political director on the overnight poll\n\n"
              "• Analysis: what the speech says about the coming year\n\n"
              "The president delivered his first address to Congress on Tuesday, with the war "
              "in Ukraine at its centre."),
        source="Wire")
    picked = summarise([doc], max_sentences=3, max_chars=2000)
    assert [p.text for p in picked] == [
        "The president delivered his first address to Congress on Tuesday, with the war in "
        "Ukraine at its centre."]


def test_share_buttons_glued_to_the_lead_are_trimmed() -> None:
    """Share-button text glued to the first sentence is cut off; the rest is quoted as it stands."""
    doc = SummaryDoc(title="", source="BBC", text=(
        "Share this withEmailFacebookTwitterCopy this linkDrilling was suspended after a 1.5 "
        "magnitude tremor near Blackpool, the second in two months."))
    (picked,) = summarise([doc], max_sentences=1)
    assert picked.text.startswith("Drilling was suspended") and _verbatim([picked], [doc])


def test_empty_input_gives_no_summary() -> None:
    """No docs, blank docs and title-only docs give nothing rather than a made-up line."""
    assert summarise([]) == []
    assert summarise([SummaryDoc("", "", "X"), SummaryDoc("Title", "  \n\n ", "Y")]) == []
    only_title = "One million people have fled Ukraine in a week, UN says"
    assert summarise([SummaryDoc(only_title, only_title, "Z")]) == []


def test_max_sentences_is_respected() -> None:
    """Never more sentences than asked for; zero asks for none."""
    docs = [BBC, GUARDIAN]
    assert len(summarise(docs, max_sentences=1)) == 1
    assert len(summarise(docs, max_sentences=2, max_chars=1000)) == 2
    assert summarise(docs, max_sentences=0) == []


def test_max_chars_is_kept_where_possible() -> None:
    """The picks fit in max_chars; a lone longer sentence is returned only when nothing fits."""
    docs = [BBC, GUARDIAN]
    picked = summarise(docs, max_sentences=3, max_chars=250)
    assert picked and sum(len(p.text) for p in picked) <= 250
    assert len(summarise(docs, max_sentences=2, max_chars=10)) == 1


def test_output_is_in_reading_order() -> None:
    """Picks come back ordered by doc, then by position in the doc."""
    picked = summarise([BBC, GUARDIAN], max_sentences=3, max_chars=2000)
    assert [(p.doc, p.start) for p in picked] == sorted((p.doc, p.start) for p in picked)


def test_long_text_quotes_whole_sentences_only() -> None:
    """A doc longer than the opening window still yields whole sentences, never a cut one."""
    sentence = "The regional council approved a new budget for schools and hospitals in the north. "
    long_lead = ("The committee, " + "after hearing evidence from engineers, " * 30
                 + "recommended that the bridge be closed to heavy traffic until repairs are done. ")
    for text in (sentence * 40, long_lead + sentence * 20):
        doc = SummaryDoc(title="", text=text.strip(), source="X")
        picked = summarise([doc], max_sentences=2, max_chars=5000)
        whole = {s.text for s in split_sentences(doc.text)}
        assert picked and all(p.text in whole for p in picked) and _verbatim(picked, [doc])


def test_summaries_are_deterministic() -> None:
    """The same docs give the same picks, call after call."""
    docs = [BBC, GUARDIAN]
    first = summarise(docs, max_sentences=2, max_chars=1000)
    assert all(summarise(docs, max_sentences=2, max_chars=1000) == first for _ in range(5))
