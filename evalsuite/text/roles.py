"""Who did what to whom: (agent, predicate, patient) triples read off a dependency parse.

Surface order says little about roles ("Ukraine was attacked by Russia", "the city that Russia
attacked", "Russia's attack on Ukraine"), so each construction is normalised to the same triple:
active and passive clauses, control and causative complements ("allow X to attack Y": X is
the attacker), datives ("ship grain to Egypt": Egypt is the recipient), nominal predicates
("X's attacks on Y", "the attack by X on Y", "tariffs on Y"), relative clauses and reduced
relatives. Arguments are reduced to their lemmatised head plus compound name parts, so that
"US President Joe Biden" and "Biden" compare equal; pronouns carry no name and are dropped.

Labels of both spaCy English (ClearNLP) and Universal Dependencies schemes are read, so the
French pipeline yields triples too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from evalsuite.text.normalize import fold
from evalsuite.text.place_aliases import countries_of
from evalsuite.text.predicates import (
    derived_verb,
    gives_to,
    is_event_noun,
    is_verb,
    object_control,
)
from evalsuite.text.reparse import Reparse, sentence_reparses
from evalsuite.text.word_case import role_noun

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Arg", "Frame", "Role", "Triple", "extract_triples"]

Frame = Literal["active", "passive", "causative", "nominal", "dative", "relative"]
Role = Literal["patient", "recipient", "target", "aim", "source", "beneficiary"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SUBJ = _words("nsubj csubj")
_PASS_SUBJ = _words("nsubjpass nsubj:pass csubjpass csubj:pass")
_OBJ = _words("dobj obj")
_DATIVE = _words("dative iobj")
_COMPLEMENT = _words("xcomp ccomp")
_RELCL = _words("relcl acl:relcl")
_CONJ = "conj"
_NAME_PARTS = _words("compound flat flat:name fixed")
_PREP_UD = _words("obl nmod obl:arg obl:mod nmod:poss")
_AGENT_PREPS = _words("by par")
_RECIPIENT_PREPS = _words("to à au aux")  # au, aux: French à + le, à + les
# Oblique roles of a verb: where something goes (to Belarus, into Syria), where it comes from
# (borrowed from the IMF), for whom (works for the ministry), what it is aimed at (fired at).
# "with" is left out: it is the partner of a reciprocal act ("signed a deal with Japan") or an
# instrument, never a role that can be reversed.
_OBLIQUE_ROLES: dict[str, Role] = {
    "to": "recipient", "into": "recipient", "towards": "recipient", "toward": "recipient",
    "à": "recipient", "au": "recipient", "aux": "recipient", "from": "source",
    "for": "beneficiary", "at": "aim",
}  # fmt: skip
_PARTNER_PREPS = _words("with avec")
# Arguments that are amounts, dates or times are not participants ("rose to 5%").
_NOT_PARTICIPANTS = _words("DATE TIME PERCENT MONEY QUANTITY CARDINAL ORDINAL")
# Prepositions that name whom a hostile or restrictive act is aimed at (tariffs on China).
_TARGET_PREPS = _words("on against upon contre sur")
# "of" names the patient only after event nouns ("the invasion of Ukraine", not "the
# president of Ukraine").
_OF_PREPS = _words("of de")
_EVENT_NOUNS = _words(
    "attack invasion occupation annexation bombing shelling capture arrest defeat killing "
    "murder assassination destruction blockade recognition support criticism acquisition "
    "takeover sanction tariff strike raid siege condemnation release expulsion abduction "
    "kidnapping liberation surrender rescue attaque invasion occupation annexion bombardement "
    "arrestation défaite soutien libération enlèvement assassinat"
)  # besides these, every English event noun of WordNet (evalsuite.text.predicates)
# Verbs whose object gets the main action as a noun: "launch attacks on Y", "impose tariffs".
_LIGHT_VERBS = _words(
    "launch impose levy slap place put carry conduct stage mount announce make order "
    "lancer imposer mener"
)
# Dative verbs: their "to" phrase is a recipient, not a direction of motion only.
_DATIVE_VERBS = _words(
    "give send ship sell supply deliver provide offer hand lend pay grant transfer export "
    "donate pass show teach award return promise donner envoyer livrer vendre fournir offrir"
)
# French object-control verbs ("autoriser l'Ukraine à frapper": Ukraine strikes).
_FRENCH_CONTROL = _words(
    "autoriser permettre pousser inciter aider forcer obliger encourager exhorter appeler "
    "inviter empêcher interdire demander ordonner"
)
_RELATIVE_PRONOUNS = _words("who whom that which whose qui que dont lequel laquelle")
_AUX_DEPS = _words("aux auxpass aux:pass aux:tense cop")
# Copulas link, they do not act: "the highest peak is Mount Vinson" has no agent.
_COPULAS = _words("be become seem remain être devenir sembler rester")
_TIME_ENTITIES = _words("DATE TIME")  # "arrested on Friday" names no target
_AGENT_DEPS = _words("agent obl:agent")
_PASSIVE_AUX = _words("auxpass aux:pass")


@dataclass(frozen=True)
class Arg:
    """An argument reduced for comparison: lemmatised head, name parts, and the text shown."""

    head: str
    words: frozenset[str]
    text: str
    token: int
    name: bool = False
    places: frozenset[str] = frozenset()
    """The countries a place name or demonym names (Russia for "Russia" and "Russian")."""
    written: str = ""
    """A capitalised head the tagger read as a common noun, as written ("bulls" of "Bulls
    beat the Lakers", whose head is "bull"): the name it is when the other text has it as one."""

    def same(self, other: Arg) -> bool:
        """Same referent: equal heads, and one name's parts within the other's (Biden, Joe
        Biden); or one country, named or by its demonym ("the Russian attack": Russia's); or a
        capitalised word the tagger took for a common noun and the other text has as a name."""
        if not self.places.isdisjoint(other.places):
            return True
        if self.head == other.head:
            return self.words <= other.words or other.words <= self.words
        for a, b in ((self, other), (other, self)):
            if a.written and b.name and a.written == b.head:
                words = (a.words - {a.head}) | {a.written}
                return words <= b.words or b.words <= words
        return False


@dataclass(frozen=True)
class Triple:
    """One predication: who (`agent`) did `pred` to whom (`patient`, in role `role`)."""

    agent: Arg | None
    pred: str
    patient: Arg | None
    role: Role
    frame: Frame
    pred_token: int
    start: int
    end: int
    noun: bool = False
    """The predicate is a noun ("the invasion of"), looked up among event nouns."""
    reading: str | None = None
    """A converse clause read as its partner's ("borrow from" as "lend to"): the partner."""
    sentence: int = 0
    """Index of the sentence's first token: clauses of one sentence share it."""
    phrasal: bool = False
    """The patient is a preposition's object read as a particle's ("went to Thales" as "go to"
    Thales): a reading that may be wrong, not a direct object."""

    @property
    def event(self) -> str:
        """The predicate compared: the reading of a converse, else the predicate itself."""
        return self.reading or self.pred

    def as_list(self) -> list[str | None]:
        """The triple as shown in a finding's evidence ("lend (borrow)" for a converse)."""
        return [
            self.agent.text if self.agent else None,
            self.pred if self.reading is None else f"{self.reading} ({self.pred})",
            self.patient.text if self.patient else None,
        ]


def extract_triples(doc: Doc) -> list[Triple]:
    """Every triple of a parse that has at least one argument other than a pronoun; the
    sentences the small parser misreads (`evalsuite.text.reparse`) are read from their
    plainer re-parse, with offsets into `doc`. Remembered on the parse: an article
    compared with several summaries is read once."""
    known = doc.user_data.get(_TRIPLES_KEY)
    if known is not None:
        return list(known)
    triples = _parse_triples(doc)
    for fix in sentence_reparses(doc):
        triples = [t for t in triples if not fix.start <= t.pred_token < fix.end]
        triples += [_mapped(t, fix) for t in _parse_triples(fix.doc)]
    found = tuple(sorted(dict.fromkeys(triples), key=lambda t: t.pred_token))
    doc.user_data[_TRIPLES_KEY] = found
    return list(found)


_TRIPLES_KEY = "evalsuite.roles.triples"


def _mapped(triple: Triple, fix: Reparse) -> Triple:
    """A triple of a re-parsed sentence with its tokens and offsets in the original parse."""

    def arg(a: Arg | None) -> Arg | None:
        return replace(a, token=fix.token(a.token)) if a is not None else None

    return replace(
        triple, agent=arg(triple.agent), patient=arg(triple.patient),
        pred_token=fix.token(triple.pred_token), start=fix.offset(triple.start),
        end=fix.offset(triple.end), sentence=fix.start,
    )  # fmt: skip


def _parse_triples(doc: Doc) -> list[Triple]:
    triples: list[Triple] = []
    for token in doc:
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in _AUX_DEPS:
            if token.lemma_.casefold() in _COPULAS:
                continue
            triples.extend(_verb_triples(token))
        elif token.pos_ == "NOUN":
            triples.extend(_noun_triples(token))
    named = (t for t in triples if t.agent is not None or t.patient is not None)
    return list(dict.fromkeys(named))


# --- arguments ------------------------------------------------------------------------------


def _arg(token: Token | None) -> Arg | None:
    """The comparable form of an argument token; None for pronouns and non-words."""
    if token is None or token.pos_ in ("PRON", "DET", "NUM", "PUNCT", "SPACE"):
        return None
    if token.lower_ in _RELATIVE_PRONOUNS or not any(ch.isalpha() for ch in token.text):
        return None
    parts = [
        t for t in token.subtree
        if t.i == token.i or _is_name_part(t, token) or _is_kind_adjective(t, token)
    ]  # fmt: skip
    head = _lemma(token)
    words = frozenset(_lemma(t) for t in parts)
    text = " ".join(t.text for t in parts)
    named = token.pos_ == "PROPN" or bool(token.ent_type_)
    written = token.text.casefold()
    capitalised = token.text[:1].isupper() and not named and written != head
    return Arg(head, words, text, token.i, named, _country(token, text),
               written if capitalised else "")  # fmt: skip


def _country(token: Token, text: str) -> frozenset[str]:
    """The countries a place or nationality argument names (`place_aliases`: CLDR and
    countryinfo names, short forms and demonyms), English only."""
    if token.lang_ != "en" or token.ent_type_ not in _PLACE_ENTITIES:
        return frozenset()
    return countries_of(fold(text))


_PLACE_ENTITIES = _words("GPE NORP")


def _is_name_part(part: Token, head: Token) -> bool:
    lo, hi = sorted((part.i, head.i))
    if any("\n" in t.text for t in part.doc[lo:hi] if t.is_space):
        return False  # a name never runs across a line break
    node = part
    while node.dep_ in _NAME_PARTS and node.i != node.head.i:
        node = node.head
        if node.i == head.i:
            return True
    return False


def _is_kind_adjective(part: Token, head: Token) -> bool:
    """An adjective that says which one of a kind a common noun names: "the prime minister"
    and "the finance minister" are two people, "the minister" may be either."""
    return (
        part.dep_ == "amod" and part.head.i == head.i and part.pos_ == "ADJ"
        and head.pos_ == "NOUN" and head.ent_type_ not in _NAME_ENTITIES
    )  # fmt: skip


_NAME_ENTITIES = _words("PERSON ORG GPE LOC NORP FAC PER MISC")


def _lemma(token: Token) -> str:
    """Names as written ("Leeds" tagged a plural noun must not become "leed"); an argument
    the tagger took for an adjective or a verb is a noun as written ("trawler" tagged a
    comparative must not become "trawl"). A capitalised plural that opens a sentence and
    names no entity ("Rebels shelled the town") is the common noun."""
    if token.tag_ == "NNPS" and token.is_sent_start and not token.ent_type_:
        return _singular(token.text.casefold())
    if token.pos_ != "NOUN" or token.ent_type_ in _NAME_ENTITIES:
        return token.text.casefold()
    return (token.lemma_ or token.text).casefold()


def _singular(plural: str) -> str:
    """The singular of a regular English plural (the tagger's lemma of a name is the word)."""
    if plural.endswith("ies") and len(plural) > 4:
        return plural[:-3] + "y"
    if plural.endswith(("sses", "shes", "ches", "xes")):
        return plural[:-2]
    return plural[:-1] if plural.endswith("s") and not plural.endswith("ss") else plural


def _with_conjuncts(token: Token | None) -> list[Token | None]:
    """A token and the tokens coordinated with it ("Ukraine and Georgia")."""
    if token is None:
        return [None]
    found = [token]
    stack = [token]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.dep_ == _CONJ:
                found.append(child)
                stack.append(child)
    return list(found)


def _child(token: Token, deps: frozenset[str]) -> Token | None:
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def _prep_objects(token: Token) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs attached to a token, in either labelling scheme. In "from
    X to Y" the parser often hangs "to Y" on X or on "from": a range's end goes with its
    start."""
    for child in token.children:
        if child.dep_ in ("prep", "agent"):
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    yield child.lower_, obj
                    if child.lower_ == "from" and token.pos_ in ("VERB", "AUX"):
                        ends = [*_prep_objects(obj), *_prep_objects(child)]
                        yield from ((p, o) for p, o in ends if p == "to")
        elif child.dep_ in _PREP_UD or child.dep_ == "obl:agent":
            case = _child(child, frozenset({"case"}))
            if case is not None:
                yield case.lower_, child


# --- verbs ----------------------------------------------------------------------------------


def _verb_triples(verb: Token) -> list[Triple]:
    passive = _is_passive(verb)
    agent_tok, frame = _agent(verb, passive)
    patient_tok = _patient(verb, passive)
    if _is_relative_clause(verb):
        agent_tok, patient_tok, frame = _relative_roles(verb, agent_tok, patient_tok, passive)
    elif verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        agent_tok, patient_tok, frame = _reduced_relative(verb, agent_tok, patient_tok)
    pred = _predicate(verb)
    triples = _product(agent_tok, pred, patient_tok, "patient", frame, verb)
    for prep, obj in [*_prep_objects(verb), *_object_attached_obliques(patient_tok, passive)]:
        if prep in _RECIPIENT_PREPS and verb.lemma_.casefold() in _DATIVE_VERBS:
            triples += _product(agent_tok, pred, obj, "recipient", "dative", verb)
        elif prep in _TARGET_PREPS and obj.ent_type_ not in _TIME_ENTITIES:
            triples += _product(agent_tok, pred, obj, "target", frame, verb)
        elif prep in _OBLIQUE_ROLES and obj.ent_type_ not in _NOT_PARTICIPANTS:
            triples += _product(agent_tok, pred, obj, _OBLIQUE_ROLES[prep], frame, verb)
    if patient_tok is None and not passive:
        triples += _phrasal_triples(verb, agent_tok, frame)
    dative = _child(verb, _DATIVE)
    if dative is not None and dative.pos_ == "ADP":
        # spaCy labels the "to" of "sold frigates to Italy" itself dative: its object counts.
        dative = _child(dative, frozenset({"pobj"}))
    if dative is None and patient_tok is not None and not passive:
        dative = _recipient_inside_object(verb, patient_tok)
    if dative is not None:
        triples += _product(agent_tok, pred, dative, "recipient", "dative", verb)
    provided = _provided_with(verb, patient_tok, passive)
    if provided is not None and patient_tok is not None:
        triples += _product(agent_tok, pred, patient_tok, "recipient", "dative", verb)
        triples += _product(agent_tok, pred, provided, "patient", frame, verb)
    if patient_tok is not None and patient_tok.pos_ in ("NOUN", "PROPN"):
        triples += _owner_triples(agent_tok, pred, patient_tok, verb)
    complement = _embedded_agent_of(verb)
    if complement is not None:
        triples += _product(agent_tok, pred, complement, "patient", "causative", verb)
    return triples


def _gives(verb: Token) -> bool:
    lemma = verb.lemma_.casefold()
    return lemma in _DATIVE_VERBS or verb.lang_ == "en" and gives_to(lemma)


def _recipient_inside_object(verb: Token, obj: Token) -> Token | None:
    """A double object the parser read as one noun phrase ("lent the firm 2 million dollars":
    "firm" an adjective of "dollars"): a noun modifier before the amount of a verb of giving
    (WordNet frame 15) is the recipient."""
    if obj.pos_ != "NOUN" or not _gives(verb):
        return None
    amounts = [c.i for c in obj.lefts if c.pos_ == "NUM" or c.like_num]
    if not amounts:
        return _plural_party_inside_object(obj)
    for child in obj.lefts:
        modifier = child.i < min(amounts) and child.dep_ in ("amod", "compound", "nmod")
        if modifier and child.pos_ in ("NOUN", "PROPN", "ADJ") and not child.like_num:
            return child
    return None


def _plural_party_inside_object(obj: Token) -> Token | None:
    """"taught the students chemistry", parsed as one noun phrase with "students" a compound:
    a plural noun of persons (WordNet) after the phrase's determiner is a noun phrase of its
    own, the recipient, since English noun modifiers are singular ("student loans") unless
    the plural is a word of its own ("arms dealers", "sales tax", "sports club")."""
    opened = any(c.dep_ in ("det", "poss") for c in obj.lefts)
    for child in obj.lefts:
        if (
            opened and child.dep_ == "compound" and child.tag_ == "NNS"
            and child.lower_ != child.lemma_.casefold() and role_noun(child.lemma_.casefold())
        ):  # fmt: skip
            return child
    return None


def _provided_with(verb: Token, obj: Token | None, passive: bool) -> Token | None:
    """"supplied Ukraine with tanks": for a verb of giving whose object is a named party and
    whose "with" phrase is a thing, the party is the recipient and the thing what is given."""
    if obj is None or passive or not _gives(verb):
        return None
    if obj.pos_ != "PROPN" and obj.ent_type_ not in _NAME_ENTITIES:
        return None
    for prep, thing in _prep_objects(verb):
        if prep == "with" and thing.pos_ == "NOUN" and not thing.ent_type_:
            return thing
    return None


def _phrasal_triples(verb: Token, agent: Token | None, frame: Frame) -> list[Triple]:
    """A particle the parser read as a preposition: "called in Russia" is "called Russia in",
    when WordNet lists "call in" as a verb; both readings are kept. "With" is never such a
    particle: "collided with", "sided with" name a partner, not a patient."""
    triples: list[Triple] = []
    for child in verb.children:
        if child.dep_ == "prep" and child.i == verb.i + 1 and child.lower_ not in _PARTNER_PREPS:
            phrasal = f"{verb.lemma_.casefold()} {child.lower_}"
            obj = _child(child, frozenset({"pobj"}))
            if obj is not None and is_verb(phrasal):
                readings = _product(agent, phrasal, obj, "patient", frame, verb)
                triples += [replace(t, phrasal=True) for t in readings]
    return triples


def _object_attached_obliques(obj: Token | None, passive: bool) -> list[tuple[str, Token]]:
    """ "shifted production from China to Vietnam", "fired missiles at Israel": the parser
    often hangs the verb's "from", "to" and "at" on its object; where from, where to and at
    whom belong to the moving event."""
    if obj is None or passive or obj.pos_ != "NOUN":
        return []
    moving = (*_MOVING_ROLES, "aim")
    return [(p, o) for p, o in _prep_objects(obj) if _OBLIQUE_ROLES.get(p) in moving]


_MOVING_ROLES = ("source", "recipient")
"""Where from and where to: roles of a moving event, whether told by a verb or a noun."""


def _is_relative_clause(verb: Token) -> bool:
    """Relative clauses; French parses "l'homme que la police a arrêté" as a plain acl."""
    if verb.dep_ in _RELCL:
        return True
    return verb.dep_ == "acl" and any(
        c.lower_ in _RELATIVE_PRONOUNS and c.i < verb.i for c in verb.children
    )


def _is_passive(verb: Token) -> bool:
    """Passive voice; also a headline's participle with a by-agent and no auxiliary
    ("Swiatek beaten by Ostapenko"), which the parser gives a plain subject."""
    if any(child.dep_ in _PASS_SUBJ or child.dep_ in _PASSIVE_AUX for child in verb.children):
        return True
    if verb.tag_ not in ("VBN", "VBD"):
        return False
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return True
    if any(c.dep_ in _AUX_DEPS for c in verb.children):
        return False
    if any(c.dep_ == "agent" for c in verb.children) and verb.tag_ == "VBN":
        return True
    # The tagger often calls a headline's participle a past tense ("Samsung sued by Apple"):
    # with no auxiliary and no object, a by-phrase naming someone makes it passive (a name
    # in any sentence, any noun in a headline: "travelled by bus" stays active).
    if _child(verb, _OBJ) is not None:
        return False
    headline = _headline_style(verb)
    if any(
        prep in _AGENT_PREPS and obj.ent_type_ not in _NOT_PARTICIPANTS
        and (obj.pos_ == "PROPN" or headline and obj.pos_ == "NOUN")
        for prep, obj in _prep_objects(verb)
    ):  # fmt: skip
        return True
    return headline and _gerund_by_name(verb) is not None


def _gerund_by_name(verb: Token) -> Token | None:
    """A headline's by-phrase hung on the gerund after the participle: in "Rwanda accused of
    arming rebels by Congo" the parser gives "by Congo" to "arming"; a name there is the
    participle's agent."""
    for _, gerund in _prep_objects(verb):
        if gerund.dep_ == "pcomp" and gerund.tag_ == "VBG":
            for prep, obj in _prep_objects(gerund):
                named = obj.pos_ == "PROPN" and obj.ent_type_ not in _NOT_PARTICIPANTS
                if prep in _AGENT_PREPS and named:
                    return obj
    return None


_VOWELS = frozenset("aeiou")


def _verb_lemma(verb: Token) -> str:
    """The tagger's lemma, or that lemma with its silent "e" back where English spelling says
    the form cannot come from the shorter one: "fined" is not of "fin" (that is "finned"),
    "taped" not of "tap"; taken only when WordNet lists the longer word as a verb."""
    lemma = verb.lemma_.casefold()
    form = verb.lower_
    if verb.lang_ != "en" or len(lemma) < 3 or form[len(lemma) :] not in ("ed", "ing"):
        return lemma
    last, vowel, before = lemma[-1], lemma[-2], lemma[-3]
    short_closed = last not in _VOWELS and last not in "wxy" and vowel in _VOWELS
    if short_closed and before not in _VOWELS and form.startswith(lemma) and is_verb(lemma + "e"):
        return lemma + "e"
    return lemma


def _headline_style(token: Token) -> bool:
    """Whether the token's sentence ends without a full stop, as headlines do."""
    words = [t for t in token.sent if not t.is_space]
    return bool(words) and words[-1].text not in (".", "!", "?", '"', "”", "'", "’")


def _predicate(verb: Token) -> str:
    lemma = _verb_lemma(verb)
    particle = _child(verb, frozenset({"prt", "compound:prt"}))
    return f"{lemma} {particle.lower_}" if particle is not None else lemma


def _agent(verb: Token, passive: bool) -> tuple[Token | None, Frame]:
    """The doer of a verb: subject, by-phrase, or the controller of a complement clause."""
    if passive:
        return _by_agent(verb), "passive"
    subjects = [c for c in verb.children if c.dep_ in _SUBJ]
    named = [s for s in subjects if s.lower_ not in _RELATIVE_PRONOUNS]
    if named:
        return named[0], "active"
    focus = _cleft_focus(verb)
    if subjects and focus is not None:
        return focus, "active"  # "It was Spain that beat England"
    if subjects:
        return subjects[0], "active"
    misread = _subject_under_conjunction(verb)
    if misread is not None:
        return misread, "active"
    return _inherited_agent(verb)


def _cleft_focus(verb: Token) -> Token | None:
    """The focus of a cleft: in "It was Spain that beat England" the parser hangs "beat" on
    "was" with "that" as its subject; the one named after "It was" fills the relative's open
    role (the agent there, the patient in "It was England that Spain beat")."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.i == verb.i or head.lemma_.casefold() not in _COPULAS:
        return None
    if not any(c.dep_ in _SUBJ and c.lower_ == "it" for c in head.children):
        return None
    if not any(c.lower_ in _RELATIVE_PRONOUNS and c.i < verb.i for c in verb.children):
        return None
    focus = _child(head, frozenset({"attr"}))
    return focus if focus is not None and focus.i < verb.i else None


def _subject_under_conjunction(verb: Token) -> Token | None:
    """The small parser reads "after Warsaw accused them" as "after (prep) Warsaw (pobj)": the
    object of a clause-opening conjunction is the subject of its verb."""
    for child in verb.children:
        if child.dep_ == "mark" and child.i < verb.i:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("PROPN", "NOUN"):
                    return obj
    return None


def _by_agent(verb: Token) -> Token | None:
    """The by-phrase of a passive, also where the parser hung it on a noun of the clause
    ("condamné à une amende ... par la Commission") or on a headline's gerund."""
    if _headline_style(verb) and not any(p in _AGENT_PREPS for p, _ in _prep_objects(verb)):
        nested = _gerund_by_name(verb)
        if nested is not None:
            return nested
    frontier = [verb]
    for _ in range(3):
        for node in frontier:
            for prep, obj in _prep_objects(node):
                if prep in _AGENT_PREPS:
                    return obj
        frontier = [
            c for node in frontier for c in node.children
            if c.pos_ in ("NOUN", "PROPN") and c.dep_ not in _SUBJ | _PASS_SUBJ
        ]  # fmt: skip
    return None


def _inherited_agent(verb: Token) -> tuple[Token | None, Frame]:
    """The agent of a subjectless verb: shared with a coordinated verb, or controlled by the
    matrix clause (object control when the matrix verb has an object, else subject)."""
    head = verb.head
    if head.i == verb.i:
        return None, "active"
    pressured = _pressured(head) if _is_infinitive(verb) else None
    if pressured is not None:
        return pressured, "causative"
    if verb.dep_ == _CONJ and head.pos_ in ("VERB", "AUX"):
        agent, frame = _agent(head, _is_passive(head))
        return (agent, frame) if frame != "passive" else (None, "active")
    if _is_complement(verb) and head.pos_ in ("VERB", "AUX"):
        obj = _child(head, _OBJ)
        if obj is not None:
            return obj, "causative"
        agent, _ = _agent(head, _is_passive(head))
        if _is_passive(head):
            subject = _child(head, _PASS_SUBJ)  # "Ukraine was allowed to strike"
            return subject, "causative"
        return agent, "active"
    controller = _participle_controller(verb)
    if controller is not None:
        agent, frame = _agent(controller, _is_passive(controller))
        return (agent, "active") if frame != "passive" else (None, "active")
    if verb.dep_ == "acl" and head.pos_ == "NOUN":
        owner = _child(head, frozenset({"poss", "nmod:poss"}))
        return owner, "nominal"
    return None, "active"


_PARTICIPLE_AUXILIARIES = _words("having being been")


def _participle_controller(verb: Token) -> Token | None:
    """The clause whose subject a subjectless participle clause shares: "(after) sacking
    Chelsea, the manager joined Napoli", "having beaten Spain, France face Italy", "after
    being sacked by Chelsea, the manager ...": the participle hangs on the clause's verb, or
    on a preposition of it."""
    if any(c.dep_ in _SUBJ or c.dep_ in _PASS_SUBJ for c in verb.children):
        return None
    perfect_or_passive = verb.tag_ == "VBN" and any(
        c.dep_ in _AUX_DEPS and c.lower_ in _PARTICIPLE_AUXILIARIES for c in verb.children
    )
    if verb.tag_ != "VBG" and not perfect_or_passive:
        return None
    head = verb.head
    if verb.dep_ == "advcl" and head.pos_ in ("VERB", "AUX"):
        return head
    clause_prep = head.dep_ == "prep" and head.lower_ in _GERUND_PREPS
    if verb.dep_ == "pcomp" and clause_prep and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return None


# Prepositions that open a gerund clause sharing the main clause's subject ("after being
# sacked", "despite losing", "without naming"), unlike "at" in a title ("at the 'Looking for
# Partners' forum").
_GERUND_PREPS = _words("after before since despite without upon on while through by")


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not any(
        c.dep_ in _SUBJ for c in verb.children
    )


def _pressured(head: Token) -> Token | None:
    """Who is to act in "pressure on Biden to allow", "Biden under pressure to let", "pressure
    grows on Netanyahu to let", "the EU called on Serbia to recognise": the one that a verb or
    noun of WordNet's object-control frame ("Somebody ----s somebody to INFINITIVE") acts on
    through "on", or the subject of "under" such a noun."""
    if head.pos_ == "NOUN" and object_control(head.lemma_.casefold()):
        upon = [o for p, o in _prep_objects(head) if p in ("on", "upon")]
        if upon:
            return upon[0]
        if head.dep_ == "pobj" and head.head.lower_ == "under" and head.head.head.i != head.i:
            holder = head.head.head
            return holder if holder.pos_ in ("PROPN", "NOUN") else None
        return None
    if head.pos_ not in ("VERB", "AUX") or _child(head, _OBJ) is not None:
        return None
    upon = [o for p, o in _prep_objects(head) if p in ("on", "upon")]
    if not upon:
        return None
    lemma = head.lemma_.casefold()
    subject = _child(head, _SUBJ)
    if object_control(f"{lemma} on") or (
        subject is not None and subject.pos_ == "NOUN" and object_control(subject.lemma_.casefold())
    ):
        return upon[0]
    return None


def _is_complement(verb: Token) -> bool:
    """xcomp/ccomp, or the French "autoriser X à frapper" that the parser calls advcl."""
    if verb.dep_ in _COMPLEMENT:
        return True
    return (
        verb.dep_ == "advcl"
        and verb.head.lemma_.casefold() in _FRENCH_CONTROL
        and any(c.dep_ == "mark" and c.lower_ in ("à", "de", "d'") for c in verb.children)
    )


def _patient(verb: Token, passive: bool) -> Token | None:
    if passive:
        subject = _child(verb, _PASS_SUBJ) or _child(verb, _SUBJ)
        if subject is None:
            # "After being sacked by Chelsea, the manager ...": the one sacked is the
            # subject of the clause the participle hangs on.
            controller = _participle_controller(verb)
            if controller is not None and not _is_passive(controller):
                subject = _child(controller, _SUBJ)
        return subject
    obj = _child(verb, _OBJ)
    if obj is None or obj.lower_ in _RELATIVE_PRONOUNS:
        named_subject = any(
            c.dep_ in _SUBJ and c.lower_ not in _RELATIVE_PRONOUNS for c in verb.children
        )
        focus = _cleft_focus(verb) if named_subject else None
        if focus is not None:
            return focus  # "It was England that Spain beat"
    if obj is None and verb.i + 1 < len(verb.doc):
        # A score after the object makes the parser call a name right after the verb an
        # adverbial noun ("Chelsea beat Arsenal 2-1"): it is the object.
        after = verb.doc[verb.i + 1]
        named = after.pos_ == "PROPN" and after.ent_type_ not in _NOT_PARTICIPANTS
        if after.head.i == verb.i and after.dep_ == "npadvmod" and named:
            return after
    return obj


def _relative_roles(
    verb: Token, agent: Token | None, patient: Token | None, passive: bool
) -> tuple[Token | None, Token | None, Frame]:
    """The noun a relative clause hangs on fills its open role: the agent in "the man who
    saw X", the patient in "the man (who) the police arrested" and "the man arrested"."""
    head = verb.head
    if not passive and (agent is None or agent.lower_ in _RELATIVE_PRONOUNS):
        return head, patient, "relative"
    open_patient = patient is None or patient.lower_ in _RELATIVE_PRONOUNS
    if open_patient and not any(c.lower_ in ("where", "when", "why") for c in verb.children):
        return agent, head, "relative"
    return agent, patient, "relative"


def _reduced_relative(
    verb: Token, agent: Token | None, patient: Token | None
) -> tuple[Token | None, Token | None, Frame]:
    """Reduced relatives: the head noun is the patient of "weapons supplied by the US", the
    agent of "troops attacking Kyiv". Infinitives ("Finland's bid to join NATO") keep the
    agent found already."""
    if verb.tag_ == "VBN":
        antecedent = _misread_object_relative(verb)
        if antecedent is not None and agent is None:
            return verb.head, antecedent, "relative"
        return agent, verb.head, "relative"
    if verb.tag_ == "VBG":
        return verb.head, patient, "relative"
    return agent, patient, "nominal" if agent is not None else "active"


def _misread_object_relative(verb: Token) -> Token | None:
    """The small parser reads "the man that police arrested" as "police (who were)
    arrested"; a relative pronoun right before the noun gives the true reading, whose
    patient is the noun before the pronoun."""
    noun = verb.head
    if noun.i + 1 != verb.i or _child(verb, _AGENT_DEPS) is not None:
        return None
    doc = noun.doc
    before = noun.left_edge.i - 1
    if before < 1 or doc[before].lower_ not in _RELATIVE_PRONOUNS:
        return None
    antecedent = doc[before - 1]
    return antecedent if antecedent.pos_ in ("NOUN", "PROPN") else None


def _embedded_agent_of(verb: Token) -> Token | None:
    """For "allow X to attack" parsed with X as the subject of the complement, X: what the
    matrix verb acts on, so that both parses give the same matrix triple."""
    if _child(verb, _OBJ) is not None:
        return None
    for child in verb.children:
        if child.dep_ == "ccomp":
            subject = _child(child, _SUBJ)
            if subject is not None and any(c.lower_ == "to" for c in child.children):
                return subject
            if subject is not None and verb.lemma_.casefold() in ("let", "make", "help", "have"):
                return subject
    return None


def _owner_triples(agent: Token | None, pred: str, patient: Token, verb: Token) -> list[Triple]:
    """Owners of objects: "Turkey approved Finland's bid" acts on Finland through its bid."""
    owner = _child(patient, frozenset({"poss", "nmod:poss"}))
    if agent is None or owner is None or owner.pos_ != "PROPN":
        return []
    return _product(agent, pred, owner, "patient", "nominal", verb)


# --- nouns ----------------------------------------------------------------------------------


def _noun_triples(noun: Token) -> list[Triple]:
    """Nominal predicates: "Russia's attacks on Ukraine", "the attack by X on Y", "US tariffs
    on China", "Ukraine launched attacks on Russia"."""
    targets: list[tuple[Token, Role]] = []
    lemma = noun.lemma_.casefold()
    by_agent: Token | None = None
    for prep, obj in _prep_objects(noun):
        if prep in _AGENT_PREPS and by_agent is None:
            by_agent = obj
        elif obj.ent_type_ in _NOT_PARTICIPANTS:
            continue
        elif prep in _TARGET_PREPS or (prep in _OF_PREPS and _is_event_noun(noun)):
            targets.append((obj, "target"))
        elif _OBLIQUE_ROLES.get(prep) in _MOVING_ROLES and _names_a_move(noun):
            targets.append((obj, _OBLIQUE_ROLES[prep]))
    owner = _child(noun, frozenset({"poss", "nmod:poss"}))
    if not targets and by_agent is not None and owner is not None:
        # "Napoleon's defeat by Wellington": the owner undergoes what the by-phrase does.
        return _product(by_agent, lemma, owner, "patient", "nominal", noun, noun=True)
    if not targets:
        targets = _verb_attached_targets(noun)
    if not targets:
        return []
    # A possessor outranks a by-phrase, which is often an instrument ("attacks by missiles").
    agent = _noun_agent(noun) or by_agent
    triples: list[Triple] = []
    for obj, role in targets:
        triples += _product(agent, lemma, obj, role, "nominal", noun, noun=True)
        if noun.dep_ in _OBJ and noun.head.lemma_.casefold() in _LIGHT_VERBS:
            light = noun.head
            light_agent, frame = _agent(light, _is_passive(light))
            triples += _product(light_agent, _predicate(light), obj, role, frame, light)
    return triples


def _names_a_move(noun: Token) -> bool:
    """A noun whose "from" and "to" say where something goes ("exports from Chile to China",
    "shipments to Egypt"): an event noun, or a noun WordNet also lists as a verb or that a
    regular suffix makes of one."""
    lemma = noun.lemma_.casefold()
    if _is_event_noun(noun):
        return True
    return noun.lang_ == "en" and (is_verb(lemma) or derived_verb(lemma) is not None)


def _is_event_noun(noun: Token) -> bool:
    """Nouns of events, whose "of" names the patient ("the invasion of Ukraine", not "the
    president of Ukraine"): the list above, and English event nouns of WordNet."""
    lemma = noun.lemma_.casefold()
    if lemma in _EVENT_NOUNS:
        return True
    return noun.lang_ == "en" and is_event_noun(lemma)


def _verb_attached_targets(noun: Token) -> list[tuple[Token, Role]]:
    """Targets the parser hung on the light verb ("impose tariffs on China")."""
    head = noun.head
    if noun.dep_ not in _OBJ and noun.dep_ not in _PASS_SUBJ:
        return []
    if head.lemma_.casefold() not in _LIGHT_VERBS:
        return []
    return [(obj, "target") for prep, obj in _prep_objects(head) if prep in _TARGET_PREPS]


def _noun_agent(noun: Token) -> Token | None:
    owner = _child(noun, frozenset({"poss", "nmod:poss"}))
    if owner is not None:
        return owner
    for child in noun.children:
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            return child
    for child in noun.children:
        if child.dep_ == "amod" and child.ent_type_ == "NORP" and _country(child, child.text):
            return child  # "the Russian attack on Ukraine": Russia attacks
    head = noun.head
    if noun.dep_ in _OBJ and head.lemma_.casefold() in _LIGHT_VERBS:
        agent, frame = _agent(head, _is_passive(head))
        return agent if frame != "passive" else None
    if noun.dep_ in _PASS_SUBJ and head.lemma_.casefold() in _LIGHT_VERBS:
        agent, _ = _agent(head, True)
        return agent
    return None


# --- assembly -------------------------------------------------------------------------------


def _product(
    agent: Token | None,
    pred: str,
    patient: Token | None,
    role: Role,
    frame: Frame,
    at: Token,
    *,
    noun: bool = False,
) -> list[Triple]:
    """One triple per pair of coordinated agents and patients."""
    triples = []
    sentence = at.sent.start
    agents = [a if _same_block(a, at) else None for a in _with_conjuncts(agent)]
    patients = [p if _same_block(p, at) else None for p in _with_conjuncts(patient)]
    for a in dict.fromkeys(agents):
        for p in dict.fromkeys(patients):
            if a is not None and p is not None and a.i == p.i:
                continue
            start, end = _clause(at, a, p)
            triples.append(
                Triple(_arg(a), pred, _arg(p), role, frame, at.i, start, end, noun, None, sentence)
            )
    return triples


def _same_block(arg: Token | None, pred: Token) -> bool:
    """Whether no blank line separates an argument from its predicate: a headline the parser
    ran into the next paragraph lends that paragraph none of its words; nor a spaced dash
    before an argument after its predicate: "the seminar has concluded - Daily News" names
    where a headline ran, not what the seminar concluded."""
    if arg is None:
        return True
    lo, hi = sorted((arg.i, pred.i))
    between = arg.doc[lo:hi]
    if any(t.is_space and "\n\n" in t.text for t in between):
        return False
    return arg.i < pred.i or not any(_spaced_dash(t) for t in between)


_DASHES = frozenset({"-", "–", "—", "--"})


def _spaced_dash(token: Token) -> bool:
    doc = token.doc
    spaced_before = token.i > 0 and bool(doc[token.i - 1].whitespace_)
    return token.text in _DASHES and spaced_before and bool(token.whitespace_)


def _clause(pred: Token, *args: Token | None) -> tuple[int, int]:
    """Character span of the predicate's clause, stretched to its arguments, within its
    sentence."""
    sent = pred.sent
    left = min([pred.left_edge.i] + [a.i for a in args if a is not None])
    right = max([pred.right_edge.i] + [a.right_edge.i for a in args if a is not None])
    left, right = max(left, sent.start), min(right, sent.end - 1)
    doc = pred.doc
    # A blank line ends a headline even where the parser ran it into the next line.
    breaks = [t.i for t in doc[left : right + 1] if t.is_space and "\n\n" in t.text]
    left = max([left] + [i + 1 for i in breaks if i < pred.i])
    right = min([right] + [i - 1 for i in breaks if i > pred.i])
    while right > left and doc[right].is_punct:
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)
