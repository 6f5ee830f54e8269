package org.karyolab.schema.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.Validatable;
import org.karyolab.schema.Validation;
import org.karyolab.schema.Violation;
import org.karyolab.schema.api.BatchOperation;
import org.karyolab.schema.api.WellFormed;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.shape.Shape;

/**
 * The one JSON codec of the schema. Strict: unknown properties, unknown enum values, wrong types and
 * fractional integers are errors; dates are ISO-8601 strings; nulls are not written.
 *
 * <p>Reading reports every problem at once. Jackson stops at the first structural error, so the
 * decoder records it as a violation, removes the offending node from the parsed tree and decodes
 * again, until the rest decodes; then it runs semantic validation. Semantic violations inside a
 * removed node are dropped (they would only repeat the structural one).
 */
public final class SchemaJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // A number or boolean where text is expected is a wrong type, not something to stringify.
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    /** Upper bound on decode passes; each pass removes one bad node, so this caps the reported structural errors. */
    private static final int MAX_PASSES = 200;

    private SchemaJson() {
    }

    /** The shared, pre-configured mapper. Do not reconfigure it; copy() it if you need different settings. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Decodes and, for {@link Validatable} types, validates. Annotations and shapes are checked without image bounds. */
    public static <T> Decoded<T> read(String json, Class<T> type) {
        return decode(json, type, value -> value instanceof Validatable v ? v.validate() : List.of());
    }

    /**
     * Decodes the structure only (syntax, types, known properties and enum values) without the
     * semantic checks, for callers that validate in a richer context later (the server answers
     * malformed input with 400 but invalid content with 422). A {@link WellFormed} value's own rules of form
     * (which fields a kind of operation needs) are structure too.
     */
    public static <T> Decoded<T> readStructure(String json, Class<T> type) {
        return decode(json, type, value -> value instanceof WellFormed w ? w.malformations() : List.of());
    }

    /** Decodes an annotation and validates it fully, including that its shape lies inside an image of this size. */
    public static Decoded<Annotation> readAnnotation(String json, int imageWidth, int imageHeight) {
        return decode(json, Annotation.class, a -> a.validate(imageWidth, imageHeight));
    }

    /** Decodes a shape and validates it against an image of this size. */
    public static Decoded<Shape> readShape(String json, int imageWidth, int imageHeight) {
        return decode(json, Shape.class, s -> s.validate(imageWidth, imageHeight));
    }

    private static <T> Decoded<T> decode(String json, Class<T> type, Function<T, List<Violation>> validator) {
        if (json == null || json.isBlank()) {
            return new Decoded.Invalid<>(List.of(new Violation("", "document is empty")));
        }
        // The common case, a well-formed document: one pass straight into the type. Whatever Jackson refuses goes
        // the long way below (a tree, then each problem reported with its pointer and taken out), so the answer
        // for bad input is the same; good input is not parsed twice (the server decodes every request so).
        try {
            T value = MAPPER.readValue(json, type);
            if (value != null) {
                List<Violation> violations = validator.apply(value);
                return violations.isEmpty() ? new Decoded.Ok<>(value) : new Decoded.Invalid<>(List.copyOf(violations));
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // reported below, with every other structural problem of the document
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return new Decoded.Invalid<>(List.of(malformed(e)));
        }
        var structural = new ArrayList<Violation>();
        var removed = new ArrayList<String>();
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            T value;
            try {
                value = MAPPER.treeToValue(tree, type);
            } catch (JsonProcessingException e) {
                Problem problem = describe(e, tree);
                structural.add(new Violation(problem.pointer(), problem.message()));
                // Stop when nothing can be removed (root) or removal made no progress (same node again).
                if (problem.remove().isEmpty() || removed.contains(problem.remove())
                        || !remove(tree, problem.remove(), problem.replacement())) {
                    return new Decoded.Invalid<>(structural);
                }
                removed.add(problem.remove());
                continue;
            } catch (IllegalArgumentException e) {
                structural.add(new Violation("", "cannot decode: " + e.getMessage()));
                return new Decoded.Invalid<>(structural);
            }
            if (value == null) {
                structural.add(new Violation("", "document must be a JSON object, not null"));
                return new Decoded.Invalid<>(structural);
            }
            var all = new ArrayList<>(structural);
            validator.apply(value).stream().filter(v -> !insideAny(v.pointer(), removed)).forEach(all::add);
            return all.isEmpty() ? new Decoded.Ok<>(value) : new Decoded.Invalid<>(all);
        }
        return new Decoded.Invalid<>(structural);
    }

    /**
     * A structural problem: where to report it, why, and which node to remove before retrying.
     * {@code replacement} stands in for a removed primitive (Jackson refuses a missing int/double).
     */
    private record Problem(String pointer, String message, String remove, JsonNode replacement) {
        Problem(String pointer, String message, String remove) {
            this(pointer, message, remove, null);
        }
    }

    private static Violation malformed(JsonProcessingException e) {
        String pointer = "";
        if (e.getProcessor() instanceof JsonParser p && p.getParsingContext() != null) {
            pointer = p.getParsingContext().pathAsPointer().toString();
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new Violation(pointer, "malformed JSON" + where + ": " + firstLine(e.getOriginalMessage()));
    }

    private static Problem describe(JsonProcessingException e, JsonNode tree) {
        if (!(e instanceof JsonMappingException m)) {
            // e.g. a number too large for an int: the parser knows where it was.
            Violation v = malformed(e);
            return new Problem(v.pointer(), firstLine(e.getOriginalMessage()), v.pointer(), IntNode.valueOf(0));
        }
        String pointer = pointerOf(m.getPath());
        JsonNode node = pointer.isEmpty() ? tree : tree.at(pointer);
        return switch (m) {
            case UnrecognizedPropertyException u -> new Problem(pointer, "unknown property '" + u.getPropertyName()
                    + "'" + known(u.getKnownPropertyIds()), pointer);
            case InvalidTypeIdException t -> new Problem(pointer + "/" + typeProperty(t.getBaseType()), t.getTypeId() == null
                    ? typeProperty(t.getBaseType()) + " is required, expected one of " + typeNames(t.getBaseType())
                    : "unknown " + typeProperty(t.getBaseType()) + " '" + t.getTypeId() + "', expected one of "
                      + typeNames(t.getBaseType()), pointer);
            case ValueInstantiationException v -> new Problem(pointer, rootMessage(v), pointer);
            case InvalidFormatException f when f.getTargetType() != null && f.getTargetType().isEnum() ->
                    new Problem(pointer, "unknown value " + shown(node) + ", expected one of "
                            + enumNames(f.getTargetType()), pointer);
            case MismatchedInputException mi when mi.getTargetType() != null -> new Problem(pointer,
                    node == null || node.isMissingNode() ? field(pointer) + "is required, expected " + expected(mi.getTargetType())
                            : (node.isNull() ? field(pointer) + "must not be null, " : "") + "expected "
                            + expected(mi.getTargetType()) + " but found " + found(node), pointer,
                    zeroFor(mi.getTargetType()));
            // e.g. a number out of range: a 0 stands in so the rest can decode.
            default -> new Problem(pointer, firstLine(m.getOriginalMessage()), pointer,
                    node != null && node.isNumber() ? IntNode.valueOf(0) : null);
        };
    }

    /** "width " for "/image/width": messages name the field in its own words. */
    private static String field(String pointer) {
        String last = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
        return last.isEmpty() || last.matches("\\d+") ? "" : last + " ";
    }

    private static String pointerOf(List<JsonMappingException.Reference> path) {
        var sb = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                sb.append('/').append(Validation.escape(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                sb.append('/').append(ref.getIndex());
            }
        }
        return sb.toString();
    }

    /** A stand-in for primitives, whose absence Jackson rejects; null (= remove) for everything else. */
    private static JsonNode zeroFor(Class<?> type) {
        if (type == double.class || type == float.class) {
            return DoubleNode.valueOf(0);
        }
        if (type == int.class || type == long.class || type == short.class) {
            return IntNode.valueOf(0);
        }
        return type == boolean.class ? BooleanNode.FALSE : null;
    }

    /**
     * Removes the node at the pointer: an object member is deleted (or replaced), an array element
     * becomes null (keeps indices). Returns false when that changed nothing.
     */
    private static boolean remove(JsonNode tree, String pointer, JsonNode replacement) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = cut == 0 ? tree : tree.at(pointer.substring(0, cut));
        String token = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            if (replacement != null) {
                return !replacement.equals(object.replace(token, replacement));
            }
            return object.remove(token) != null;
        }
        if (parent instanceof ArrayNode array && token.matches("\\d+") && Integer.parseInt(token) < array.size()) {
            int index = Integer.parseInt(token);
            if (array.get(index).isNull()) {
                return false;
            }
            array.set(index, replacement != null ? replacement : NullNode.getInstance());
            return true;
        }
        return false;
    }

    private static boolean insideAny(String pointer, List<String> removed) {
        return removed.stream().anyMatch(r -> pointer.equals(r) || pointer.startsWith(r + "/"));
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant string such as 2024-05-01T12:00:00Z";
        }
        if (type == BandName.class) {
            return "a band name string such as 9q34.1";
        }
        if (type.isEnum()) {
            return "one of " + enumNames(type);
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String found(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case NULL -> "null";
            case STRING -> "the string " + node;
            case NUMBER -> "the number " + node;
            case BOOLEAN -> node.asText();
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase();
        };
    }

    private static String shown(JsonNode node) {
        return node == null || node.isMissingNode() ? "(missing)" : node.isTextual() ? "'" + node.asText() + "'" : node.toString();
    }

    private static String enumNames(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> MAPPER.valueToTree(c).asText())
                .collect(Collectors.joining(", "));
    }

    private static String typeNames(JavaType base) {
        if (base != null && Shape.class.isAssignableFrom(base.getRawClass())) {
            return String.join(", ", Shape.TYPE_NAMES);
        }
        if (base != null && BatchOperation.class.isAssignableFrom(base.getRawClass())) {
            return String.join(", ", BatchOperation.OP_NAMES);
        }
        return "a known type";
    }

    /** The property that names a value's kind: {@code type} for a shape, {@code op} for a batch change. */
    private static String typeProperty(JavaType base) {
        JsonTypeInfo info = base == null ? null : base.getRawClass().getAnnotation(JsonTypeInfo.class);
        return info == null || info.property().isEmpty() ? "type" : info.property();
    }

    private static String known(Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) {
            return "";
        }
        Set<String> names = new HashSet<>();
        ids.forEach(id -> names.add(String.valueOf(id)));
        return ", expected one of " + names.stream().sorted().collect(Collectors.joining(", "));
    }

    private static String rootMessage(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return firstLine(cause.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
