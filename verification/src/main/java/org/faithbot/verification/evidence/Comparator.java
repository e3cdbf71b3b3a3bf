package org.faithbot.verification.evidence;

/** How a measured value is held against its threshold. */
public enum Comparator {
    LESS_THAN("<"),
    AT_MOST("<="),
    GREATER_THAN(">"),
    AT_LEAST(">="),
    EQUAL_TO("==");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean holds(double value, double threshold) {
        return switch (this) {
            case LESS_THAN -> value < threshold;
            case AT_MOST -> value <= threshold;
            case GREATER_THAN -> value > threshold;
            case AT_LEAST -> value >= threshold;
            case EQUAL_TO -> Double.compare(value, threshold) == 0;
        };
    }
}
