package ephyzip.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for sidecar files (Open Ephys' {@code structure.oebin}): objects become
 * {@link Map}s, arrays {@link List}s, numbers {@link Double}s. Enough for metadata, no more; the
 * codec core stays free of a JSON library.
 */
final class Json {
    private final String s;
    private int pos;

    private Json(String s) {
        this.s = s;
    }

    /** Parses {@code text}; a malformed document is an {@link IllegalArgumentException} saying where. */
    static Object parse(String text) {
        Json j = new Json(text);
        Object v = j.value();
        j.space();
        if (j.pos != text.length()) {
            throw j.error("text after the document");
        }
        return v;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at character " + pos);
    }

    private void space() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        space();
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        return s.charAt(pos);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private Object value() {
        char c = peek();
        if (c == '{') {
            pos++;
            Map<String, Object> m = new LinkedHashMap<>();
            if (peek() == '}') {
                pos++;
                return m;
            }
            do {
                String k = string();
                expect(':');
                m.put(k, value());
            } while (comma('}'));
            return m;
        }
        if (c == '[') {
            pos++;
            List<Object> l = new ArrayList<>();
            if (peek() == ']') {
                pos++;
                return l;
            }
            do {
                l.add(value());
            } while (comma(']'));
            return l;
        }
        if (c == '"') {
            return string();
        }
        for (String word : new String[] {"true", "false", "null"}) {
            if (s.startsWith(word, pos)) {
                pos += word.length();
                return word.equals("null") ? null : Boolean.valueOf(word);
            }
        }
        int start = pos;
        while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        try {
            return Double.valueOf(s.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("not a value");
        }
    }

    /** After an element: true on ',', false on {@code close}. */
    private boolean comma(char close) {
        char c = peek();
        pos++;
        if (c == ',') {
            return true;
        }
        if (c == close) {
            return false;
        }
        pos--;
        throw error("expected ',' or '" + close + "'");
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw error("unterminated string");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                if (pos >= s.length()) {
                    throw error("unterminated string");
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw error("bad escape");
                        }
                        try {
                            b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad escape");
                        }
                        pos += 4;
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
    }
}
