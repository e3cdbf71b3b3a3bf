package org.faithbot.verification.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Following values across modules: what a module variable can be (its default, what each caller
 * passes, what the environments' terraform.tfvars set), and what a {@code module.x.y} reference
 * stands for in the called module.
 */
final class TfValues {

    private static final Pattern MODULE_OUTPUT = Pattern.compile("module\\.([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)");
    private static final Pattern VAR = Pattern.compile("var\\.([A-Za-z0-9_-]+)");

    /** One value a variable can take, with where it is set. */
    record Value(String where, JsonNode value, Module context) {

        OptionalDouble number() {
            return context.number(value);
        }

        String string() {
            return context.string(value);
        }
    }

    /** A module output reached through a module call. */
    record Output(Module module, TfBlock output) {

        String valueText() {
            return output.text("value");
        }
    }

    private TfValues() {
    }

    /**
     * Every value that {@code var.name} of the module can take: its default and, for each call of the
     * module, the argument passed (followed through the caller's own variables, up to the
     * environments' terraform.tfvars).
     */
    static List<Value> reaching(TerraformConfig tf, Module module, String name) {
        List<Value> out = new ArrayList<>();
        collect(tf, module, name, out, 0);
        return out;
    }

    private static void collect(TerraformConfig tf, Module module, String name, List<Value> out, int depth) {
        if (depth > 6) {
            return;
        }
        Optional<TfBlock> variable = module.variable(name);
        if (variable.isEmpty()) {
            return;
        }
        JsonNode fallback = variable.get().attr("default");
        List<TfBlock> calls = tf.callsTo(module.directory());
        if (calls.isEmpty()) {
            JsonNode set = module.tfvars().get(name);
            if (set != null) {
                out.add(new Value(module.tfvarsFile() + " › " + name, set, module));
            } else if (fallback != null) {
                out.add(new Value(variable.get().file() + " › var." + name + " default", fallback, module));
            }
            return;
        }
        for (TfBlock call : calls) {
            JsonNode argument = call.attr(name);
            if (argument == null) {
                if (fallback != null) {
                    out.add(new Value(variable.get().file() + " › var." + name + " default (not set by " + call.file() + " › "
                            + call.address() + ")", fallback, module));
                }
                continue;
            }
            Optional<String> expression = Expr.expression(argument);
            if (expression.isPresent() && expression.get().matches("var\\.[A-Za-z0-9_-]+")) {
                collect(tf, call.module(), expression.get().substring(4), out, depth + 1);
            } else {
                out.add(new Value(call.file() + " › " + call.address() + " › " + name, argument, call.module()));
            }
        }
    }

    /** The variable a value refers to when it is exactly {@code var.x}. */
    static Optional<String> variableOf(JsonNode value) {
        return Expr.expression(value).filter(e -> VAR.matcher(e).matches()).map(e -> e.substring(4));
    }

    /** Resolves {@code module.x.y} found in {@code text}, written in {@code caller}, to the called module's output y. */
    static Optional<Output> moduleOutput(TerraformConfig tf, Module caller, String text) {
        Matcher m = MODULE_OUTPUT.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return calledModule(tf, caller, m.group(1))
                .flatMap(called -> called.output(m.group(2)).map(output -> new Output(called, output)));
    }

    /** The module a module call of {@code caller} instantiates. */
    static Optional<Module> calledModule(TerraformConfig tf, Module caller, String callName) {
        return caller.moduleCall(callName)
                .flatMap(call -> Expr.literalString(call.attr("source")))
                .flatMap(source -> tf.findModule(java.nio.file.Path.of(caller.directory()).resolve(source).normalize()
                        .toString().replace('\\', '/')));
    }

    /** The name of the {@code type} resource that {@code text} refers to (aws_security_group.alb.id gives alb). */
    static Optional<String> resourceName(String type, String text) {
        Matcher m = Pattern.compile(Pattern.quote(type) + "\\.([A-Za-z0-9_-]+)").matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
