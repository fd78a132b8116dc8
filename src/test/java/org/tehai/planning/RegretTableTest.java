package org.tehai.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tehai.planning.TestPlans.at;
import static org.tehai.planning.TestPlans.route;
import static org.tehai.planning.TestPlans.technician;
import static org.tehai.planning.TestPlans.visit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tehai.planning.RegretTable.Position;

/** The regret insertion's candidate routes on a large day: the nearest few, and every route when none of them fits. */
class RegretTableTest {

    /** More routes than the insertion looks at in full: technicians in a row going away from the visit, T0 at it. */
    private static List<TechnicianRoute> routes() {
        List<TechnicianRoute> routes = new ArrayList<>();
        for (int i = 0; i <= RegretTable.ALL_ROUTES_UP_TO; i++) {
            routes.add(route("R" + i, technician("T" + i, at(i / 10.0))));
        }
        return routes;
    }

    @Test
    void aVisitLooksOnlyAtTheRoutesNearItWhileOneOfThemFits() {
        List<TechnicianRoute> routes = routes();
        Set<String> asked = new HashSet<>();
        RegretTable table = new RegretTable(routes, List.of(visit("V", at(0))), (route, visit) -> {
            asked.add(route.getId());
            return new Position(0, 100 + Long.parseLong(route.getId().substring(1)));
        });

        assertThat(asked).hasSize(RegretTable.NEIGHBOUR_ROUTES).contains("R0", "R29").doesNotContain("R30");
        assertThat(routes.get(table.bestRoute(0)).getId()).isEqualTo("R0");
        assertThat(table.regret(0)).isEqualTo(1);
    }

    @Test
    void aVisitThatFitsNoNearRouteGoesToAFarOneInsteadOfWaiting() {
        List<TechnicianRoute> routes = routes();
        String far = "R" + RegretTable.ALL_ROUTES_UP_TO;
        RegretTable table = new RegretTable(routes, List.of(visit("V", at(0))),
                (route, visit) -> route.getId().equals(far) ? new Position(2, 500) : null);

        assertThat(table.fits(0)).isTrue();
        assertThat(routes.get(table.bestRoute(0)).getId()).isEqualTo(far);
        assertThat(table.bestPosition(0).index()).isEqualTo(2);
    }

    @Test
    void aVisitWhoseLastNearRouteFillsUpLooksFurther() {
        List<TechnicianRoute> routes = routes();
        boolean[] nearFull = { false };
        RegretTable table = new RegretTable(routes, List.of(visit("V", at(0))), (route, visit) -> {
            int number = Integer.parseInt(route.getId().substring(1));
            if (number == 3 && !nearFull[0]) {
                return new Position(0, 10);
            }
            return number == 80 ? new Position(1, 900) : null;
        });
        assertThat(routes.get(table.bestRoute(0)).getId()).isEqualTo("R3");

        nearFull[0] = true; // another visit took R3's last room
        table.refresh(3, new boolean[1]);

        assertThat(table.fits(0)).isTrue();
        assertThat(routes.get(table.bestRoute(0)).getId()).isEqualTo("R80");
    }
}
