package org.vpp.optimizer.model;

import java.util.List;

/** Why a schedule has its score: totals per rule and per rule and subject (asset or grid node). */
public record ScoreExplanation(List<ConstraintScore> perConstraint, List<ConstraintScore> perSubject, String summary) {

    public ScoreExplanation {
        perConstraint = List.copyOf(perConstraint);
        perSubject = List.copyOf(perSubject);
    }

    public static ScoreExplanation none() {
        return new ScoreExplanation(List.of(), List.of(), "");
    }
}
