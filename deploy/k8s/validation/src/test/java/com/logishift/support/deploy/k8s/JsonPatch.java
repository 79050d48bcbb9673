package com.logishift.support.deploy.k8s;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The add / replace / remove / test operations of RFC 6902 JSON Patch, enough for the fixtures. */
final class JsonPatch {

    private JsonPatch() {
    }

    static void apply(ObjectNode document, JsonNode operations) {
        for (JsonNode op : operations) {
            String path = op.path("path").asText();
            JsonPointer pointer = JsonPointer.compile(path);
            JsonNode parent = document.at(pointer.head());
            String last = pointer.last().getMatchingProperty();
            JsonNode value = op.path("value");
            switch (op.path("op").asText()) {
                case "add" -> {
                    if (parent instanceof ArrayNode array) {
                        if (last.equals("-")) {
                            array.add(value.deepCopy());
                        } else {
                            array.insert(Integer.parseInt(last), value.deepCopy());
                        }
                    } else if (parent instanceof ObjectNode object) {
                        object.set(last, value.deepCopy());
                    } else {
                        throw new IllegalArgumentException("add: no container at " + path);
                    }
                }
                case "replace" -> {
                    if (document.at(pointer).isMissingNode()) {
                        throw new IllegalArgumentException("replace: nothing at " + path);
                    }
                    if (parent instanceof ArrayNode array) {
                        array.set(Integer.parseInt(last), value.deepCopy());
                    } else {
                        ((ObjectNode) parent).set(last, value.deepCopy());
                    }
                }
                case "remove" -> {
                    if (document.at(pointer).isMissingNode()) {
                        throw new IllegalArgumentException("remove: nothing at " + path);
                    }
                    if (parent instanceof ArrayNode array) {
                        array.remove(Integer.parseInt(last));
                    } else {
                        ((ObjectNode) parent).remove(last);
                    }
                }
                case "test" -> {
                    if (!document.at(pointer).equals(value)) {
                        throw new IllegalArgumentException("test failed at " + path + ": " + document.at(pointer) + " is not " + value);
                    }
                }
                default -> throw new IllegalArgumentException("unsupported op " + op);
            }
        }
    }
}
