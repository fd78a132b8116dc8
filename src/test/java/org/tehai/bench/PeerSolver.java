package org.tehai.bench;

import java.time.Duration;
import java.util.List;

/**
 * Another routing library solving the same instance, for comparison. The implementation lives in the
 * {@code bench} profile's extra sources and is loaded reflectively, so normal builds do not depend on it.
 */
public interface PeerSolver {

    String PEER_CLASS = "org.tehai.bench.JspritPeer";

    /** @return one list of customer ids per crew, in crew order */
    List<List<Integer>> solve(BenchProblem problem, Duration budget);
}
