package dev.vigil.hub.routing;

/**
 * Makes attacker-controlled text inert in Slack's mrkdwn: {@code & < >} become entities (so no {@code <!channel>},
 * {@code <@user>} or {@code <http://…|label>} can be smuggled in), control and invisible formatting characters
 * other than line breaks go, and the text is cut to at most {@code maxChars} without splitting an entity.
 */
final class SlackText {

    private SlackText() {
    }

    static String escape(String text, int maxChars) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 16);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String piece = switch (cp) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '\n' -> "\n";
                default -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                        ? "" : Character.toString(cp);
            };
            if (out.length() + piece.length() > maxChars) {
                break;
            }
            out.append(piece);
        }
        return out.toString();
    }
}
