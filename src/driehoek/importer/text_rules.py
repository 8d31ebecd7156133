"""The text between headings: a theme's goal and principles ("Doel:", "Uitgangspunten:"), its ongoing commitments,
the lines of the agreement being read, and the loose text after a theme's lists, which may be the next theme's
introduction (a side bar whose heading is still to come). Mixed into the structure reader (structure.Parser),
whose state it reads."""

from .extract import BREAK
from .shapes import BULLET, Afspraak, Hoofdstuk


class TextRules:
    def label(self, i: int, kind: str, word: str, rest: str) -> None:
        self.end_agreement()
        cur = self.current
        stale = cur is None or cur.agreements or cur.lopende or (kind == "richtingen" and cur.richtingen_label)
        stale = stale or (kind == "doel" and cur.doel) or self._heading_is_far(i)
        if stale:
            self.new_placeholder(i)
            cur = self.current
        assert cur is not None
        self.mode = kind
        if kind == "doel":
            cur.doel.append(rest) if rest else None
        else:
            cur.richtingen_label = word.capitalize()
            if rest:
                cur.richtingen.append([rest])
        self.section, self.section_parties = "", []

    def _heading_is_far(self, i: int) -> bool:
        cur = self.current
        if cur is None or cur.placeholder:
            return False
        between = self.lines[cur.start : i]
        return BREAK in between or sum(1 for line in between if line.strip()) > 60

    def new_placeholder(self, i: int) -> None:
        """Principles after a theme's agreements: a new theme whose heading is still to come."""
        previous = self.current
        theme = Hoofdstuk(number="", title="", start=i, placeholder=True)
        if previous is not None:
            theme.intro = previous.loose
            previous.loose = []
            last = previous.agreements[-1] if previous.agreements else None
            if last is not None:
                theme.intro = self._steal_tail(last) + theme.intro
            elif not previous.lopende:
                # The introduction starts on the page where the principles are.
                breaks = [k for k in range(previous.start, i) if self.lines[k] == BREAK]
                cut = breaks[-1] if breaks else i
                theme.intro = [(k, text) for k, text in previous.intro if k > cut]
                previous.intro = [(k, text) for k, text in previous.intro if k <= cut]
        self.chapters.append(theme)
        self.current = theme

    def _steal_tail(self, agreement: Afspraak) -> list[tuple[int, str]]:
        bullets = [k for k, (_i, text) in enumerate(agreement.lines) if BULLET.match(text)]
        if not bullets or bullets[-1] == len(agreement.lines) - 1 or bullets[-1] < 2:
            return []
        tail = agreement.lines[bullets[-1] + 1 :]
        if not tail[0][1][:1].isupper():
            return []
        del agreement.lines[bullets[-1] + 1 :]
        return tail

    def text(self, i: int, line: str) -> None:
        cur = self.current
        if cur is None:
            return
        bullet = BULLET.match(line)
        if self.mode == "lopende":
            if bullet:
                cur.lopende.append([bullet.group(2)])
                return
            if (
                cur.lopende
                and not self.since_break
                and (line[:1].islower() or not cur.lopende[-1][-1].endswith((".", "!", "?", ":")))
            ):
                cur.lopende[-1].append(line)
                return
            if line[:1].islower() and cur.agreements:
                # The page flow put the rest of the last agreement after the list.
                self.mode, self.agreement = "agreements", cur.agreements[-1]
                self.agreement.lines.append((i, line))
                return
            self.mode = "text"
            cur.loose.append((i, line))
            return
        if self.mode == "agreements" and self.agreement is not None:
            self.agreement.lines.append((i, line))
            return
        if self.mode == "doel":
            cur.doel.append(line)
            return
        if self.mode == "richtingen":
            if bullet or not cur.richtingen:
                cur.richtingen.append([bullet.group(2) if bullet else line])
            else:
                cur.richtingen[-1].append(line)
            return
        if cur.agreements or cur.lopende:
            cur.loose.append((i, line))
        else:
            cur.intro.append((i, line))
