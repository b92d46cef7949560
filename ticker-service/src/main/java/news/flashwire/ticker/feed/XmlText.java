package news.flashwire.ticker.feed;

/** Text safe to put in an XML 1.0 document: the writer escapes markup, this drops what XML cannot carry at all. */
final class XmlText {

	private XmlText() {
	}

	static String of(String text) {
		StringBuilder clean = new StringBuilder(text.length());
		text.codePoints().filter(XmlText::isAllowed).forEach(clean::appendCodePoint);
		return clean.toString();
	}

	// XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
	private static boolean isAllowed(int c) {
		return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
				|| (c >= 0x10000 && c <= 0x10FFFF);
	}
}
