package org.faithbot.verification.recovery;

import org.faithbot.verification.evidence.Figure;

import java.util.List;

/** The figures of a check, and its report in words, shown when one of them is not met. */
public record CheckedFigures(List<Figure> figures, String report) {

    public CheckedFigures {
        figures = List.copyOf(figures);
    }
}
