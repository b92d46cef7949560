package news.flashwire.ingest.story;

/** A headline ready for display, and whether its source flagged it as breaking with a prefix such as "عاجل |". */
public record Headline(String text, boolean flagged) {
}
