package org.samed2d.explorer.segment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of prompt an evaluation makes for each mask, by its name in a request.
 *
 * <ul>
 *   <li>{@code box}: a box;</li>
 *   <li>{@code Npoints} ({@code 1point}, {@code 3points}, ...): N points drawn from the mask ({@code whole-mask}: all
 *   positive, inside it; {@code sam-med2d}: test.py's {@code --point_num N}, N / 2 positive and the rest negative, one
 *   positive for N = 1);</li>
 *   <li>{@code Nclicks} ({@code sam-med2d} only): test.py's {@code --iter_point N}, one positive point, then N - 1
 *   more clicks each from the error region of the previous prediction, which the next run refines;</li>
 *   <li>{@code points} ({@code sam-med2d} with a prompt file): the file's points as they are.</li>
 * </ul>
 */
record PromptKind(String name, Type type, int count) {

    enum Type { BOX, POINTS, CLICKS, FILE_POINTS }

    private static final Pattern POINTS = Pattern.compile("1point|[2-9]points");
    private static final Pattern CLICKS = Pattern.compile("([2-9]|1[0-9]|20)clicks");

    /** Decoder runs per mask, as the prompt budget counts them. */
    int cost() {
        return type == Type.CLICKS ? count : 1;
    }

    boolean hasBox() {
        return type == Type.BOX;
    }

    /**
     * @throws InvalidPromptException naming {@code prompts} for a name the protocol has no kind for
     */
    static PromptKind of(String name, boolean samMed2d, boolean fromFile) {
        if (name.equals("box")) {
            return new PromptKind(name, Type.BOX, 0);
        }
        if (!samMed2d) {
            if (name.equals("1point") || name.equals("3points")) {
                return new PromptKind(name, Type.POINTS, name.charAt(0) - '0');
            }
            throw new InvalidPromptException("prompts", "the whole-mask protocol makes box, 1point and 3points, got '"
                    + name + "'");
        }
        Matcher clicks = CLICKS.matcher(name);
        if (clicks.matches()) {
            return new PromptKind(name, Type.CLICKS, Integer.parseInt(clicks.group(1)));
        }
        if (fromFile) {
            if (name.equals("points")) {
                return new PromptKind(name, Type.FILE_POINTS, 0);
            }
            throw new InvalidPromptException("prompts", "with a prompt file, choose from box, points (the file's"
                    + " points) and Nclicks (the file's points, then clicks from the error region), got '" + name + "'");
        }
        if (POINTS.matcher(name).matches()) {
            return new PromptKind(name, Type.POINTS, name.charAt(0) - '0');
        }
        throw new InvalidPromptException("prompts", "the sam-med2d protocol makes box, Npoints (1point, 3points, ..."
                + " 9points) and Nclicks (2clicks ... 20clicks), got '" + name + "'");
    }
}
