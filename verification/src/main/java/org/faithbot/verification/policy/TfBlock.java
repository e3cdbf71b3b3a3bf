package org.faithbot.verification.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One top-level block of a Terraform file: a resource, a data source, a variable, an output, a module
 * call or a provider, with its body as hcl2json gave it.
 *
 * @param file   path relative to the project root (terraform/modules/network/main.tf)
 * @param kind   resource, data, variable, output, module, provider
 * @param type   the resource or data type (aws_security_group); empty for the other kinds
 * @param name   the block's name (service)
 */
record TfBlock(Module module, String file, String kind, String type, String name, JsonNode body) {

    /** The address as Terraform writes it inside the module: aws_lb.this, data.aws_iam_policy_document.task, var.x, module.alb. */
    String address() {
        return switch (kind) {
            case "resource" -> type + "." + name;
            case "data" -> "data." + type + "." + name;
            case "variable" -> "var." + name;
            case "module" -> "module." + name;
            case "output" -> "output." + name;
            case "provider" -> "provider." + name;
            default -> kind + "." + name;
        };
    }

    JsonNode attr(String attribute) {
        return body.get(attribute);
    }

    String text(String attribute) {
        return Expr.text(body.get(attribute));
    }

    /** Nested blocks of that name, static ones and the content of {@code dynamic} ones alike. */
    List<JsonNode> blocks(String blockName) {
        return blocks(body, blockName);
    }

    static List<JsonNode> blocks(JsonNode parent, String blockName) {
        List<JsonNode> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        JsonNode direct = parent.get(blockName);
        if (direct != null) {
            if (direct.isArray()) {
                direct.forEach(b -> {
                    if (b.isObject()) {
                        out.add(b);
                    }
                });
            } else if (direct.isObject()) {
                out.add(direct);
            }
        }
        JsonNode dynamic = parent.path("dynamic").path(blockName);
        if (dynamic.isArray()) {
            for (JsonNode d : dynamic) {
                d.path("content").forEach(out::add);
            }
        }
        return out;
    }
}
