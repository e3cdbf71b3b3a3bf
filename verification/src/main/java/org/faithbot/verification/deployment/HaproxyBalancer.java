package org.faithbot.verification.deployment;

import org.faithbot.verification.local.Haproxy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local balancer, HAProxy, driven through its runtime API: {@code show stat} for states and
 * per-server counters, {@code set server chatbot/NAME state|weight|addr} for changes. New instances
 * go behind a server named like them when the configuration has one (s1, s2), else behind a free
 * spare slot (spare1 ...) pointed at their port: no reload, no dropped connection.
 */
public final class HaproxyBalancer implements Balancer {

    /** HAProxy's runtime API: one command in, its answer out. */
    @FunctionalInterface
    public interface RuntimeApi {
        String command(String command);
    }

    private final RuntimeApi haproxy;
    private final List<String> spareSlots;
    /** server name -> the instance behind it */
    private final Map<String, String> assignments = new LinkedHashMap<>();

    public HaproxyBalancer(Haproxy haproxy) {
        this(haproxy::command, Haproxy.spareSlots());
    }

    /** A balancer on any HAProxy whose backend {@value Haproxy#BACKEND} has these spare slots. */
    public HaproxyBalancer(RuntimeApi haproxy, List<String> spareSlots) {
        this.haproxy = haproxy;
        this.spareSlots = List.copyOf(spareSlots);
        for (String server : servers().keySet()) {
            if (!isSpare(server)) {
                assignments.put(server, server); // the target's own instances sit behind servers of their name
            }
        }
    }

    private boolean isSpare(String server) {
        return spareSlots.contains(server);
    }

    @Override
    public Map<String, ServerState> servers() {
        Map<String, ServerState> servers = new LinkedHashMap<>();
        for (Map<String, String> row : statistics()) {
            if (row.get("pxname").equals(Haproxy.BACKEND) && !row.get("svname").equals("BACKEND")) {
                String name = row.get("svname");
                long responses = number(row, "hrsp_1xx") + number(row, "hrsp_2xx") + number(row, "hrsp_3xx") + number(row, "hrsp_4xx")
                        + number(row, "hrsp_5xx") + number(row, "hrsp_other");
                // uweight: the weight set by configuration or runtime API (weight is the effective one, 0 while draining)
                long weight = row.containsKey("uweight") && !row.get("uweight").isEmpty() ? number(row, "uweight") : number(row, "weight");
                servers.put(name, new ServerState(name, row.get("status"), (int) weight, number(row, "scur"), responses,
                        number(row, "hrsp_5xx") + number(row, "eresp"), row.getOrDefault("addr", "")));
            }
        }
        return servers;
    }

    @Override
    public Counters frontend() {
        for (Map<String, String> row : statistics()) {
            if (row.get("svname").equals("FRONTEND")) {
                long responses = number(row, "hrsp_1xx") + number(row, "hrsp_2xx") + number(row, "hrsp_3xx") + number(row, "hrsp_4xx")
                        + number(row, "hrsp_5xx") + number(row, "hrsp_other");
                return new Counters(responses, number(row, "hrsp_5xx"));
            }
        }
        throw new IllegalStateException("haproxy shows no frontend");
    }

    /** Every row of {@code show stat}, column name to value. */
    private List<Map<String, String>> statistics() {
        String[] lines = haproxy.command("show stat").split("\n");
        List<String> header = Arrays.asList(lines[0].replaceFirst("^# ", "").split(","));
        return Arrays.stream(lines).skip(1).filter(l -> !l.isBlank()).map(line -> {
            String[] fields = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < fields.length; i++) {
                row.put(header.get(i), fields[i]);
            }
            return row;
        }).toList();
    }

    private static long number(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null || value.isEmpty() ? 0 : Long.parseLong(value);
    }

    @Override
    public void setState(String server, ServerState.AdminState state) {
        expectEmpty(haproxy.command("set server " + Haproxy.BACKEND + "/" + server + " state " + state.command()));
    }

    @Override
    public void setWeight(String server, int weight) {
        expectEmpty(haproxy.command("set server " + Haproxy.BACKEND + "/" + server + " weight " + weight));
    }

    /**
     * Through maintenance: HAProxy 2.6 hands the requests waiting in the backend's queue to a server
     * only when one of that server's own requests ends or when it leaves maintenance. A server that
     * only gets a weight takes none of them, and once the others are drained they wait out the queue
     * timeout (30 s) and are answered 503: the main job's blue-green switch under 1000 members saw
     * 0 responses from green in 30 s and 887 failed requests. Reproduced with HAProxy alone: after a
     * weight change and a drain, 26 of 30 queued requests were answered 503 after 30 s; with
     * maintenance, weight, ready, all 30 were answered 200 within 1.3 s. Maintenance does not cut
     * the server's requests in flight, and leaving it keeps its health-check state.
     */
    @Override
    public void admit(String server, int weight) {
        setState(server, ServerState.AdminState.MAINT);
        setWeight(server, weight);
        setState(server, ServerState.AdminState.READY);
    }

    @Override
    public synchronized String attach(String instance, int port) {
        Map<String, ServerState> servers = servers();
        String server;
        if (servers.containsKey(instance) && !isSpare(instance)) {
            String behind = assignments.get(instance);
            if (behind != null && !behind.equals(instance)) {
                throw new IllegalStateException("server " + instance + " still serves instance " + behind);
            }
            server = instance;
        } else {
            server = spareSlots.stream()
                    .filter(slot -> !assignments.containsKey(slot) && servers.containsKey(slot) && servers.get(slot).inMaintenance())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no free spare slot behind the balancer: " + assignments));
        }
        setState(server, ServerState.AdminState.MAINT);
        setWeight(server, 0);
        String answer = haproxy.command("set server " + Haproxy.BACKEND + "/" + server + " addr 127.0.0.1 port " + port).trim();
        if (!answer.isEmpty() && !answer.contains("changed") && !answer.contains("no need")) {
            throw new IllegalStateException("haproxy refused the new address of " + server + ": " + answer);
        }
        assignments.put(server, instance);
        return server;
    }

    @Override
    public synchronized void detach(String server) {
        setState(server, ServerState.AdminState.MAINT);
        setWeight(server, 1);
        if (isSpare(server)) {
            haproxy.command("set server " + Haproxy.BACKEND + "/" + server + " addr 127.0.0.1 port 1"); // pointing nowhere again
        }
        assignments.remove(server);
    }

    @Override
    public synchronized Optional<String> serverOf(String instance) {
        return assignments.entrySet().stream().filter(e -> e.getValue().equals(instance)).map(Map.Entry::getKey).findFirst();
    }

    @Override
    public synchronized Optional<String> instanceBehind(String server) {
        return Optional.ofNullable(assignments.get(server));
    }

    private static void expectEmpty(String answer) {
        if (!answer.isBlank()) {
            throw new IllegalStateException("haproxy refused: " + answer.trim());
        }
    }
}
