package org.tehai.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.termination.TimeTermination;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TimeWindow;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.Coordinate;
import com.graphhopper.jsprit.core.util.Solutions;

/**
 * jsprit's default VRPTW algorithm on a Solomon instance: finite fleet, capacity as one size dimension,
 * Euclidean (crow-fly) distance and time, unlimited iterations stopped by the same time budget.
 */
public final class JspritPeer implements PeerSolver {

    @Override
    public List<List<Integer>> solve(BenchProblem problem, Duration budget) {
        if (problem.suite() != BenchProblem.Suite.SOLOMON) {
            throw new IllegalArgumentException("The jsprit peer solves Solomon instances only, not (%s)."
                    .formatted(problem.name()));
        }
        VehicleRoutingProblem.Builder builder = VehicleRoutingProblem.Builder.newInstance()
                .setFleetSize(VehicleRoutingProblem.FleetSize.FINITE);
        Map<String, Integer> crewIndexByVehicleId = new HashMap<>();
        for (int i = 0; i < problem.crews().size(); i++) {
            BenchProblem.Crew crew = problem.crews().get(i);
            VehicleTypeImpl type = VehicleTypeImpl.Builder.newInstance("type-" + crew.id())
                    .addCapacityDimension(0, crew.stock()[0]).build();
            String vehicleId = "v" + crew.id();
            builder.addVehicle(VehicleImpl.Builder.newInstance(vehicleId)
                    .setStartLocation(location("depot", crew.x(), crew.y()))
                    .setEarliestStart(crew.start()).setLatestArrival(crew.end()).setType(type).build());
            crewIndexByVehicleId.put(vehicleId, i);
        }
        for (BenchProblem.Stop customer : problem.customers()) {
            builder.addJob(Service.Builder.newInstance(String.valueOf(customer.id()))
                    .addSizeDimension(0, customer.parts()[0])
                    .setLocation(location("c" + customer.id(), customer.x(), customer.y()))
                    .setServiceTime(customer.service())
                    .setTimeWindow(TimeWindow.newInstance(customer.ready(), customer.due())).build());
        }
        VehicleRoutingProblem vrp = builder.build();
        VehicleRoutingAlgorithm algorithm = Jsprit.createAlgorithm(vrp);
        algorithm.setMaxIterations(Integer.MAX_VALUE);
        TimeTermination termination = new TimeTermination(budget.toMillis());
        algorithm.setPrematureAlgorithmTermination(termination);
        algorithm.addListener(termination);
        VehicleRoutingProblemSolution best = Solutions.bestOf(algorithm.searchSolutions());
        List<List<Integer>> routes = new ArrayList<>();
        for (int i = 0; i < problem.crews().size(); i++) {
            routes.add(new ArrayList<>());
        }
        for (VehicleRoute route : best.getRoutes()) {
            List<Integer> stops = routes.get(crewIndexByVehicleId.get(route.getVehicle().getId()));
            for (TourActivity activity : route.getActivities()) {
                if (activity instanceof TourActivity.JobActivity jobActivity) {
                    stops.add(Integer.parseInt(jobActivity.getJob().getId()));
                }
            }
        }
        return routes;
    }

    private static Location location(String id, double x, double y) {
        return Location.Builder.newInstance().setId(id).setCoordinate(Coordinate.newInstance(x, y)).build();
    }
}
