package se.kasam.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/**
 * Turns bean-validation and JSON-reading failures into {@link Problem.Violation}s: the same field names and rule
 * names whether they answer one request (through {@link ProblemMappers}) or describe one row of a batch.
 */
public final class Violations {
    private Violations() {
    }

    /** The field path, the constraint's name as the rule (NotNull, Pattern, DecimalMax, ...) and its message. */
    public static Problem.Violation of(ConstraintViolation<?> v) {
        String rule = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return new Problem.Violation(fieldPath(v.getPropertyPath()), rule, v.getMessage());
    }

    /** The field that could not be read (or "body"), with rule UnknownProperty, Format, Type or JsonSyntax. */
    public static Problem.Violation of(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? fieldPath(m) : "";
        String rule;
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            rule = "UnknownProperty";
            message = "unknown property '" + u.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException f && TextValues.MESSAGE.equals(f.getOriginalMessage())) {
            rule = TextValues.RULE;
            message = TextValues.MESSAGE;
        } else if (e instanceof InvalidFormatException f) {
            rule = "Format";
            message = "value '" + f.getValue() + "' is not a valid " + f.getTargetType().getSimpleName();
        } else if (e instanceof JsonMappingException) {
            rule = "Type";
            message = "wrong type or shape of value";
        } else {
            rule = "JsonSyntax";
            message = "not well-formed JSON: " + e.getOriginalMessage();
        }
        return new Problem.Violation(field.isEmpty() ? "body" : field, rule, message);
    }

    /** "create.body.unit.code" becomes "unit.code": the method and parameter nodes say nothing to a client. */
    private static String fieldPath(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = "";
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                field.append(field.length() > 0 ? "." : "").append(node.getName());
            }
        }
        return field.length() > 0 ? field.toString() : parameter;
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.length() > 0 ? "." : "").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
