"""Direct quotes in Danish news, with who said them and in what role.

Danish wire copy quotes with »…« (also „…“, "…" and dash-introduced lines) and
attributes with a speech verb after the quote: ``»…,« siger Ibrahim Jabawi, som er
talsmand for Den Frie Syriske Hær.`` or with a pronoun, ``sagde han``, which points
back to the last named person. Short quoted phrases without a speech verb
(``for »væsentlige og vægtige« forhandlinger``) are kept but marked ``scare``: they
are someone's words, but the text does not say whose.

>>> q = quotes("»Vi går ikke,« siger Ali Said, som er talsmand for oprørerne.")
>>> q[["quote", "speaker", "speaker_role", "kind"]].values.tolist()
[['Vi går ikke,', 'Ali Said', 'talsmand for oprørerne', 'quote']]
"""

from __future__ import annotations

import re
import warnings

import pandas as pd

from ._docs import iter_docs
from .names import _PARTICLES as _NAME_RUN_PARTICLES

__all__ = ["quotes", "QUOTE_COLUMNS"]

QUOTE_COLUMNS = ["doc_id", "start", "end", "quote", "speaker", "speaker_role", "kind", "paired"]

# opening mark -> closing marks accepted
_PAIRS = {"»": "«", "„": "“”", "“": "”", '"': '"', "«": "»"}
_MARK_RE = re.compile(r'[»«„“”"]')
_PARA_RE = re.compile(r"\n[ \t]*\n")
_VERBS = (
    r"siger|sagde|udtaler|udtalte|fortæller|fortalte|skriver|skrev|tilføjer|tilføjede|"
    r"forklarer|forklarede|understreger|understregede|mener|mente|oplyser|oplyste|"
    r"meddeler|meddelte|erklærer|erklærede|påpeger|påpegede|advarer|advarede|svarer|"
    r"svarede|spørger|spurgte|lyder\s+det\s+fra|lød\s+det\s+fra|konstaterer|konstaterede|vurderer|vurderede|"
    r"pointerer|pointerede|fastslår|fastslog|indrømmer|indrømmede|uddyber|uddybede|"
    r"fortsætter|fortsatte|råber|råbte|hvisker|hviskede|sukker|sukkede|slår\s+fast|slog\s+fast"
)
# after the quote: ", siger [role words] Name" / "sagde han"
_AFTER_RE = re.compile(r"^[\s,.!?–-]*(?:" + _VERBS + r")\s+(?P<rest>.*)", re.S)
# before the quote: "Name siger:" / "siger Name:"
_BEFORE_RE = re.compile(r"\b(?P<verb>" + _VERBS + r")\b[^.:»«„“\"]*:\s*\Z", re.S)
_ROLE_AFTER_RE = re.compile(r"^\s*,\s*(?:som|der)\s+(?:er|var|blev)\s+(?P<role>[^,.;:»«\"]+)")
_APPOSITION_RE = re.compile(r"^\s*,\s*(?P<role>[a-zæøå][^,.;:»«\"]*?)\s*(?:[,.;]|$)")
_NAME_FIRST_RE = re.compile(r"^[\s,]*")
_VERB_AT_RE = re.compile(r"\s+(?:" + _VERBS + r")\b")
_PRONOUN_RE = re.compile(r"^(?:han|hun)\b")
_DASH_LINE_RE = re.compile(r"^[ \t]*[-–—][ \t]+(?=\S)", re.M)
_DASH_AFTER_SENTENCE_RE = re.compile(r"(?<=[.!?:])[ \t]+([-–—])[ \t]+(?=[A-ZÆØÅ])")
_DASH_VERB_RE = re.compile(r"[,!?]\s*(?:" + _VERBS + r")\b")
_UNCLOSED_VERB_RE = re.compile(r"[,!?]\s*(?:" + _VERBS + r")\s+(?=han\b|hun\b|[a-zæøå\d-]*\s*[A-ZÆØÅ])")
_SCARE_MAX_WORDS = 4


def quotes(data, *, warn: bool = True, gazetteer=None, progress=None) -> pd.DataFrame:
    """Direct quotes in ``data`` (a corpus DataFrame, a string, or strings), one row each.

    Columns: ``doc_id``; ``start``, ``end`` (character offsets of the quote with its
    marks); ``quote`` (the words inside the marks); ``speaker`` (a name, or None when
    the text does not make it clear; ``han``/``hun`` resolve to the last person named
    before the quote); ``speaker_role`` (``talsmand for Den Frie Syriske Hær`` from
    ``, som er …`` or an apposition, else None); ``kind`` (``quote``; ``dash`` for a
    dash-introduced line; ``scare`` for a quoted phrase that is part of the writer's
    own sentence, short or starting in lower case, without a speech verb, and for the
    title of a work, ``filmen »Druk«``, which is nobody's words); ``paired`` (False
    for an opening mark that is never closed in its paragraph: the row runs to the
    paragraph's end, or to ``, siger X`` when the sentence goes on with one). A
    stray closing mark after a quote already closed in its paragraph gives no row.
    Unpaired marks never raise; with ``warn=True`` one warning says how many were
    found.
    Speakers are the name spans of :func:`corpus_tools.find_names` (``gazetteer``
    is passed on to it, so a known person counts as a person).
    ``progress``: a progress bar (tqdm); None shows one only for 5,000 or more
    articles in an interactive session (a terminal or Jupyter), never under pytest.

    >>> quotes('Hun sagde: "Det er slut." Og så gik hun.').quote.tolist()
    ['Det er slut.']
    """
    from .names import find_names

    rows = []
    unpaired = 0
    for doc_id, text in iter_docs(data, progress=progress, desc="quotes"):
        if not any(c in text for c in '»«„“"-–—'):
            continue
        names = find_names(text, gazetteer=gazetteer)
        spans = _split_spans(text, zip(names["start"], names["end"], names["surface"], names["actor_id"]))
        prev = None  # (end, paragraph end, speaker, role) of the last attributed quote
        first_row = len(rows)
        for qs, qe, inner_s, inner_e, kind, paired, para_end in _find_quotes(text):
            if not paired:
                unpaired += 1
            if kind is None:
                continue  # a stray closing mark: counted, no row
            speaker, role, attributed = _attribute(text, qs, qe, para_end, spans, kind)
            if kind == "quote" and paired and _is_title(text, qs):
                speaker, role, kind = None, None, "scare"  # a title is nobody's words here
            elif kind == "quote" and paired and not attributed and _is_scare(text, inner_s, inner_e):
                kind = "scare"
            elif speaker is None and prev is not None and _continues(text, prev, qs, inner_e, qe, para_end):
                speaker, role = prev[2], prev[3]
            if speaker is not None and kind != "scare":
                prev = (qe, para_end, speaker, role)
            rows.append((doc_id, qs, qe, text[inner_s:inner_e].strip(), speaker, role, kind, paired))
        _back_to_open_paragraph(text, rows, first_row)
    if unpaired and warn:
        warnings.warn(f"{unpaired} quotation mark(s) without a closing mark; see the rows with paired=False",
                      stacklevel=2)
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)


def _back_to_open_paragraph(text: str, rows: list, first: int) -> None:
    """A quote left open at a paragraph's end, continued by a quote opening the next one.

    Danish copy quotes over several paragraphs by leaving the closing mark off every
    paragraph but the last and opening each new one with a mark
    (``»A.\n\n»B,« siger X.``): the open paragraph is X's words too.
    """
    for i in range(len(rows) - 2, first - 1, -1):
        row, nxt = rows[i], rows[i + 1]
        if (not row[7] and row[4] is None and row[6] == "quote" and text[row[1]:row[2]][:1] in _PAIRS
                and nxt[4] is not None and nxt[6] == "quote" and text[nxt[1]] == text[row[1]]
                and _PARA_RE.fullmatch(text, row[2], nxt[1])):
            rows[i] = row[:4] + (nxt[4], nxt[5]) + row[6:]


def _continues(text: str, prev, qs: int, inner_e: int, qe: int, pe: int) -> bool:
    """Does a quote without attribution continue the previous speaker's words?

    Only where wire copy makes it clear: the quote follows the attributed one in
    the same paragraph (``»A,« siger X. »B.«``) or opens the very next paragraph,
    and nothing but the quote is in its paragraph after it.
    """
    prev_end, prev_pe = prev[0], prev[1]
    gap = text[prev_end:qs]
    if prev_pe == pe:
        same = True
    else:
        same = _PARA_RE.fullmatch(text[prev_pe:qs]) is not None
    if not same:
        return False
    if prev_pe == pe and not re.fullmatch(r"[^»«„“\"]*?[.!?]\s*", gap):
        return False
    return not text[qe:pe].strip(" .") and text[inner_e - 1:inner_e] in ".!?…"


def _paragraphs(text: str):
    pos = 0
    for m in _PARA_RE.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def _find_quotes(text: str):
    """(start, end, inner start, inner end, kind, paired, paragraph end) per quote.

    Within a paragraph an opening mark waits for its closing mark; marks of other
    kinds inside an open quote are nested quotes and ignored. A closing-looking
    mark with no quote open (``... procent," pointerer hun``: the quote began in
    an earlier paragraph) gives a row from the paragraph start to the mark, and an
    opening mark never closed gives a row to the paragraph end; both have
    ``paired=False``.
    """
    for ps, pe in _paragraphs(text):
        open_mark = None
        open_at = -1
        found_mark = closed_before = False
        last_close = ps
        for m in _MARK_RE.finditer(text, ps, pe):
            c, at = m.group(), m.start()
            if open_mark is not None:
                if c in _PAIRS[open_mark]:
                    found_mark = closed_before = True
                    last_close = at + 1
                    yield open_at, at + 1, open_at + 1, at, "quote", True, pe
                    open_mark = None
                continue
            if c == "”" or (c in '"«“' and _looks_closing(text, at, ps, pe)):
                found_mark = True
                if closed_before and not _AFTER_RE.match(text[at + 1:pe]):
                    # a quote already closed in this paragraph: this one is a stray
                    # mark (a typo), not the end of a quote begun a paragraph earlier
                    yield at, at + 1, at, at, None, False, pe
                elif closed_before:
                    # ... unless a speech verb follows: the quote's opening mark was
                    # taken as the previous quote's end (straight marks), so it runs
                    # from there
                    qs = last_close + len(text[last_close:at]) - len(text[last_close:at].lstrip())
                    yield qs, at + 1, qs, at, "quote", False, pe
                else:
                    yield ps, at + 1, ps, at, "quote", False, pe
                continue
            open_mark, open_at = c, at  # », „, “, ", and « opening a reversed «…»
        if open_mark is not None:
            found_mark = True
            v = _UNCLOSED_VERB_RE.search(text, open_at + 1, pe)
            if v:
                # "»Vi gjorde alt, siger Hans Holm." (the closing mark forgotten): the
                # quote ends before the speech verb, as a dash quote does
                yield open_at, v.start() + 1, open_at + 1, v.start() + 1, "quote", False, pe
            else:
                yield open_at, pe, open_at + 1, pe, "quote", False, pe
        if not found_mark:
            yield from _dash_quotes(text, ps, pe)


def _dash_quotes(text: str, ps: int, pe: int):
    """Dash-introduced quotes of a paragraph without quote marks.

    A dash that starts a line opens a quote that runs to the speech verb
    (``- Ja, siger han.``), else to the next dash quote or the paragraph's end. A
    dash after a sentence (``... i Kyiv. - Vi har brug for hjælp, sagde han.``)
    opens one only when a speech verb follows: a dash in running text is usually
    punctuation, not a quote.
    """
    starts = [(d.start(), d.end(), True) for d in _DASH_LINE_RE.finditer(text, ps, pe)]
    starts += [(d.start(1), d.end(), False) for d in _DASH_AFTER_SENTENCE_RE.finditer(text, ps, pe)]
    starts.sort()
    for i, (d_start, d_end, at_line) in enumerate(starts):
        limit = starts[i + 1][0] if i + 1 < len(starts) else pe
        m = _DASH_VERB_RE.search(text, d_end, limit)
        if m:
            inner_e = m.start() + 1
        elif at_line:
            inner_e = d_end + len(text[d_end:limit].rstrip())
        else:
            continue
        yield d_start, inner_e, d_end, inner_e, "dash", True, pe


def _looks_closing(text: str, at: int, ps: int, pe: int) -> bool:
    """A mark glued to the word before it and followed by space or punctuation closes a quote."""
    before = text[at - 1] if at > ps else " "
    after = text[at + 1] if at + 1 < pe else " "
    return not before.isspace() and (after.isspace() or after in ",.;:!?)")


def _name_at(spans, pos: int, limit: int):
    """The first name span that starts in ``[pos, limit)``, as (start, end, surface)."""
    for s, e, surface, aid in spans:
        if pos <= s < limit:
            return s, e, surface
    return None


_TITLE_PREP_RE = re.compile(r"\b[\wæøå-]+\s+(?:i|ved|for|fra|hos|på)\s+\Z")


def _split_spans(text: str, spans) -> list:
    """Name spans, with an organisation run together with the person after it split.

    After a title and a preposition (``vagtchef ved Fyns Politi Jens Holm``,
    ``formand for 3F Henning Overgaard``) a name run of three or more words is the
    organisation and then the person when a known first name starts the rest; a run
    cannot start inside a word (``3F``: the ``F`` belongs to the number).
    """
    from .names import _first_names

    out = []
    for s, e, surface, aid in spans:
        if isinstance(aid, str):
            out.append((s, e, surface, aid))
            continue
        s0 = s  # where the run's token starts: "3F Kolding Jens Møller" after "formand for"
        while s0 > 0 and text[s0 - 1].isalnum():
            s0 -= 1
        if s0 < s:
            cut = surface.find(" ")
            if cut < 0:
                continue
            s, surface = s + cut + 1, surface[cut + 1:]
        words = surface.split(" ")
        if len(words) >= 3 and _TITLE_PREP_RE.search(text, max(0, s0 - 40), s0):
            first = _first_names()
            at = next((k for k in range(1, len(words) - 1) if words[k] in first), None)
            if at is not None:
                org = " ".join(words[:at])
                out.append((s, s + len(org), org, None))
                s, surface = s + len(org) + 1, " ".join(words[at:])
        out.append((s, e, surface, aid))
    return out


_PARTY = r"\([A-ZÆØÅ]{1,3}\)"  # a party letter after a politician's name: (S), (SF)
_PARTY_RE = re.compile(r"\s*(?:" + _PARTY + r"\s*)?")


def _person_like(surface: str, spans) -> bool:
    """A known person, or a name of two or more capitalised words (not ``Den ...``)."""
    for s, e, name, aid in spans:
        if name == surface and isinstance(aid, str):
            return aid.startswith("person:")
    words = surface.split()
    return (len(words) > 1 and words[0][:1].isupper() and words[-1][:1].isupper()
            and all(w[:1].isupper() or w in _NAME_PARTICLES for w in words) and words[0] not in ("Den", "Det", "De"))


# lower-case words inside a person's name: Ursula von der Leyen, Dominique de Villepin;
# find_names' particles but those of organisations (for, of) and Danish "af" (Christian af Rosenborg)
_NAME_PARTICLES = (_NAME_RUN_PARTICLES - {"for", "of", "den"}) | {"af"}
_PREP_BEFORE_RE = re.compile(r"(?:^|\s)(?:i|på|for|hos|ved|fra|mod|under)\s+\Z")


def _last_person_before(spans, pos: int, text: str):
    """The person ``han``/``hun`` before ``pos`` points back to: the last name that looks like one.

    A known person or a name of two or more words (``_person_like``); a run after a
    preposition (``finalen i All England``, ``for Jyske Bank``) is more often a place
    or an organisation, so it is taken only when no other person was named before.
    """
    from .names import _first_names

    best = fallback = None
    for s, e, surface, aid in spans:
        if e > pos:
            break
        if isinstance(aid, str):
            if aid.startswith("person:"):
                best = surface
            continue
        if not _person_like(surface, ()):
            continue
        if surface.split()[0] in _first_names() or not _PREP_BEFORE_RE.search(text, max(0, s - 8), s):
            best = surface
        else:
            fallback = surface
    return best or fallback


def _attribute(text, qs, qe, pe, spans, kind):
    """(speaker, role, attributed) from the words after (or before) the quote.

    ``attributed`` says a speech verb introduces the quote, even if no speaker
    could be named (``»Nej,« siger hun.`` with no woman named before).
    """
    after = text[qe:pe]
    m = _AFTER_RE.match(after)
    if m:
        rest_at = qe + m.start("rest")
        rest = m.group("rest")
        if _PRONOUN_RE.match(rest):
            return _last_person_before(spans, qs, text), None, True
        sentence_end = _clause_end(text, rest_at, pe)
        hit = _name_at(spans, rest_at, sentence_end)
        if hit:
            s, e, surface = hit
            # "siger direktør i DI Jens Hansen": an organisation, then the person
            nxt = _name_at(spans, e, sentence_end)
            if nxt and not text[e:nxt[0]].strip():
                s, e, surface = nxt  # "siger FC Midtjyllands cheftræner, ...": go on from the second run
                nxt = _name_at(spans, e, sentence_end)
            if nxt and not text[e:nxt[0]].strip() and _person_like(nxt[2], spans):
                s, e, surface = nxt
            elif (nxt and re.search(r"s\Z", surface) and _person_like(nxt[2], spans)
                  and re.fullmatch(r"(?:\s+[a-zæøå][\wæøå-]*)+\s+", text[e:nxt[0]])):
                # "skriver Sydbanks aktieanalytiker Mikkel Jensen": an organisation's
                # genitive, a title, the person
                s, e, surface = nxt
            else:
                # "sagde Frankrigs præsident, Emmanuel Macron", "lyder det fra Landbrug &
                # Fødevarers formand, Søren Søndergaard": the role, a comma, the person
                for ns, ne, nsurface, _aid in spans:
                    if e <= ns < sentence_end and _person_like(nsurface, spans):
                        gap = re.fullmatch(r"([^,.;:!?»«\"]*),\s*", text[e:ns])
                        if gap and (not _person_like(surface, spans) or re.search(r"\s[a-zæøå][\wæøå-]*$", gap.group(1))):
                            s, e, surface = ns, ne, nsurface
                        break
            between = text[rest_at:s].strip()
            if between.endswith(",") and _person_like(surface, spans):
                # "sagde den franske præsident, Emmanuel Macron" (not "siger en ansat i
                # selskabet, KLM": the speaker is the employee, not the company)
                between = between[:-1].rstrip()
            if between and not re.fullmatch(r"(?:[\da-zæøå]|[A-ZÆØÅ][\w'’&-]*s?\s|[A-ZÆØÅ][\w'’&]*-[a-zæøå])[\wæøå'’&\s-]*", between):
                return None, None, True
            if _PREP_END_RE.search(between):
                # "siger en beboer til AFP": a name after a preposition is the medium or
                # the place, not the speaker
                return None, None, True
            return surface, _without_article(between or None) or _role(text, e, pe), True
        return None, None, True
    # "»…«, Ibrahim Jabawi siger." (name first, then the verb)
    n = _NAME_FIRST_RE.match(after)
    if n:
        for s, e, surface, aid in spans:
            if s == qe + n.end() and _VERB_AT_RE.match(text, e):
                return surface, _role(text, e, pe), True
    # "Name siger:" / "siger Name:" before the quote, in the same paragraph, or ending
    # the paragraph before when the quote opens its own ("skriver X på Facebook:\n\n»…«")
    ps = text.rfind("\n", 0, qs) + 1
    b = _BEFORE_RE.search(text, ps, qs)
    if b is None and ps > 0 and not text[ps:qs].strip():
        k = len(text[:ps].rstrip())
        if text[k - 1:k] == ":":
            ps = text.rfind("\n", 0, k) + 1
            b = _BEFORE_RE.search(text, ps, qs)
    if b:
        v_s, v_e = b.span("verb")
        if re.search(r"\b(?:[Hh]an|[Hh]un)\s*$", text[ps:v_s]) or _PRONOUN_RE.match(text[v_e:qs].strip()):
            return _last_person_before(spans, v_s, text), None, True  # "Han siger:" / "siger hun:"
        for s, e, surface, aid in spans:
            # "Ebba Strange siger:", "Peter Hummelgaard (S) skriver:": the name right before the verb
            # "Danske Banks cheføkonom, Las Olsen, siger:": a name in apposition
            if e <= v_s and (_PARTY_RE.fullmatch(text, e, v_s) or _APPOS_END_RE.fullmatch(text, e, v_s)):
                role = _role_before(text, ps, s)
                if role and _PREP_END_RE.search(role):
                    return None, None, True  # "En talsmand for FN siger:": FN is not the speaker
                return surface, role, True
        colon = b.end()
        for s, e, surface, aid in spans:
            # "siger formand Ebba Strange:", "skriver minister Jens Holm (S) på Facebook:":
            # the name after the verb, then at most a party letter and an adverbial
            if v_e <= s and e <= colon and _BEFORE_TAIL_RE.fullmatch(text, e, colon):
                between = text[v_e:s].strip()
                if _PREP_END_RE.search(between):
                    return None, None, True  # "skriver på LinkedIn:": a medium, not a speaker
                return surface, (between if re.fullmatch(r"[a-zæøå][\wæøå\s-]*", between) else None), True
        return None, None, True
    # "Viborgs træner, Jakob Poulsen, var tilfreds:" and the quote: a colon presents
    # the quote, and the person who is the subject of the presenting clause speaks
    k = len(text[:qs].rstrip())
    if text[k - 1:k] == ":" and (k > ps or not text[ps:qs].strip()):
        cps = text.rfind("\n", 0, k) + 1
        cs = cps
        for m in _SENT_START_RE.finditer(text, cps, k - 1):
            cs = m.end()
        for s, e, surface, aid in spans:
            if cs <= s < k and _person_like(surface, spans):
                if any(ns == e + 1 and text[e] == " " for ns, _ne, _n, _a in spans):
                    continue  # an organisation, then the person: "Formand for Hvide Sande Havn Søren Jensen"
                if _COLON_PREDICATE_RE.fullmatch(text, e, k) and (s == cs or _role_before(text, cs, s)):
                    return surface, _role_before(text, cs, s), True
                break
    return None, None, False


_APPOS_END_RE = re.compile(r"\s*(?:" + _PARTY + r"\s*)?,\s*")
_BEFORE_TAIL_RE = re.compile(
    r"\s*(?:" + _PARTY + r")?(?:\s+(?:på|til|i|over\s+for|ifølge|om|efter|under|ved)\s[^,.;:»«\"]*)?\s*:\s*")
_COLON_PREDICATE_RE = re.compile(
    r"\s*(?:" + _PARTY + r")?,?\s+[a-zæøå][\wæøå-]*(?:\s+[a-zæøå][\wæøå-]*)*(?:\s+(?:i|på|ved|for|efter|under|om)\s+[\wæøå'’-]+)*\s*:")
_SENT_START_RE = re.compile(r"[.!?:]\s+")
_NOT_ROLE_CLAUSE = frozenset("hvor når fordi hvis selvom mens og men så da hvad hvem hvorfor".split())


def _role_before(text: str, ps: int, s: int):
    """The subject's description before a name that comes right before its verb.

    Danish main clauses put one constituent before the finite verb (V2), so in
    ``Præsident Joe Biden sagde:`` or ``Danske Banks cheføkonom, Las Olsen, siger:``
    whatever precedes the name in its clause belongs to the subject: the role. A
    clause opened by a conjunction (``..., hvor Ebba Strange siger:``) has none.
    """
    cs = ps
    for m in _SENT_START_RE.finditer(text, ps, s):
        cs = m.end()
    cand = text[cs:s].strip()
    if cand.endswith(","):
        cand = cand[:-1].rstrip()
    if not cand or "," in cand or not re.fullmatch(r"[\wæøå'’&.-]+(?:\s+[\wæøå'’&.-]+)*", cand):
        return None
    first = cand.split()[0].lower()
    if first in _NOT_ROLE_STARTS or first in _NOT_ROLE_CLAUSE:
        return None
    return cand


_PREP_END_RE = re.compile(r"(?:^|\s)(?:til|på|i|ved|for|fra|hos|om|med|over|mod|af)\Z")
_CLAUSE_END_RE = re.compile(r"[.!?;:](?=\s|$)")


def _clause_end(text: str, pos: int, pe: int) -> int:
    m = _CLAUSE_END_RE.search(text, pos, pe)
    return m.start() if m else pe


# words that start a clause or an adverbial after a name, not a role ("..., siger X,
# efter mødet" / "..., til DR")
_NOT_ROLE_STARTS = frozenset(
    "og men der som da hvor mens at han hun det de i på efter til under ved fra om med mod "
    "før inden over uden hos ifølge også senere tidligere nu her så blandt".split()
)


def _role(text: str, name_end: int, pe: int):
    # a politician's party letter comes before the relative clause: "Pia Olsen Dyhr (SF), der er ..."
    tail = text[_PARTY_RE.match(text, name_end, pe).end():pe]
    m = _ROLE_AFTER_RE.match(tail) or _APPOSITION_RE.match(tail)
    if not m:
        return None
    role = m.group("role").strip()
    words = role.split()
    first = words[0] if words else ""
    if first in _NOT_ROLE_STARTS and not (first in _ROLE_ADJECTIVES and len(words) > 1 and words[1] not in _NOT_ROLE_STARTS):
        return None
    return _without_article(role) or None


# words of _NOT_ROLE_STARTS that are adjectives before a title: "tidligere udenrigsminister"
_ROLE_ADJECTIVES = frozenset({"tidligere"})


def _without_article(role):
    """A role without the indefinite article before it: "en talskvinde for X" -> "talskvinde for X"."""
    if role and role[:3].lower() in ("en ", "et ") and len(role) > 3:
        return role[3:].lstrip() or None
    return role


def _is_scare(text: str, s: int, e: int) -> bool:
    """A short quoted phrase with no sentence punctuation inside, in mid-sentence.

    Longer phrases too when they start in lower case: a quoted sentence starts with a
    capital, a phrase woven into the writer's sentence (``at reformen er »et skridt i
    den forkerte retning«``) does not.
    """
    inner = text[s:e].strip()
    if re.search(r"[.!?,:;]$", inner):
        return False
    return len(inner.split()) <= _SCARE_MAX_WORDS or inner[:1].islower()


# a work named by its title: "filmen »Druk«", "romanen »…«", "i programmet "Deadline""
_WORK_NOUN_RE = re.compile(
    r"\b(?:film|bog|roman|novelle|digt|digtsamling|serie|tv-serie|dramaserie|dokumentar|dokumentarfilm|"
    r"program|podcast|sang|single|album|plade|udstilling|forestilling|musical|opera|ballet|teaterstykke|"
    r"stykke|værk|maleri|skulptur|kronik|artikel|klumme|rapport|bogserie|spil|computerspil|festival|"
    r"kampagne|projekt)(?:e?n|e?t|[lm]et)\s*\Z",
    re.I,
)


def _is_title(text: str, qs: int) -> bool:
    """The quote follows a definite noun for a work, so it is the work's title."""
    return _WORK_NOUN_RE.search(text, max(0, qs - 40), qs) is not None

