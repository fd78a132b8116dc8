package org.tehai.dispatch;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.tehai.planning.DispatchPlan;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicType;
import ai.timefold.solver.core.config.solver.SolverConfig;

/**
 * The solution manager that scores where one visit could go (the board's drop without a position, slot offers).
 * Timefold's assignment recommendations need a configuration whose first phase is a construction heuristic, while
 * the production configuration starts with its own regret construction; this one is the production configuration
 * with FIRST_FIT as its only phase, so positions are scored by the same constraints and weights.
 */
@Singleton
public class AssignmentRecommendations {

    private final SolutionManager<DispatchPlan, HardMediumSoftLongScore> manager;

    @Inject
    AssignmentRecommendations(SolverConfig solverConfig) {
        SolverConfig config = solverConfig.copyConfig();
        config.setPhaseConfigList(List.of(new ConstructionHeuristicPhaseConfig()
                .withConstructionHeuristicType(ConstructionHeuristicType.FIRST_FIT)));
        this.manager = SolutionManager.create(SolverFactory.create(config));
    }

    public SolutionManager<DispatchPlan, HardMediumSoftLongScore> manager() {
        return manager;
    }
}
