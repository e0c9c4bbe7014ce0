package org.vpp.api.graphql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.StringValue;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLScalarType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** The DateTime and Date scalars and the mapping of malformed arguments to GraphQL errors that name the argument. */
@Configuration(proxyBeanMethods = false)
public class GraphQlWiring {

    static final GraphQLScalarType DATE_TIME = textScalar("DateTime", "ISO-8601 instant with offset", Instant.class,
            text -> OffsetDateTime.parse(text).toInstant(), "ISO-8601 with an offset, like 2026-11-21T14:15:00Z");

    static final GraphQLScalarType DATE = textScalar("Date", "ISO-8601 calendar date", LocalDate.class, LocalDate::parse,
            "ISO-8601, like 2026-06-17");

    /**
     * A scalar written as a string: serialised with {@code toString}, parsed by {@code parse}; a string it cannot
     * parse is refused saying what the scalar must look like ({@code form}).
     */
    static <T> GraphQLScalarType textScalar(String name, String description, Class<T> type, Function<String, T> parse,
                                            String form) {
        return GraphQLScalarType.newScalar()
                .name(name)
                .description(description)
                .coercing(new Coercing<T, String>() {
                    @Override
                    public String serialize(Object value, graphql.GraphQLContext context, java.util.Locale locale) {
                        if (type.isInstance(value)) return value.toString();
                        throw new CoercingSerializeException("not a " + type.getSimpleName() + ": " + value);
                    }

                    @Override
                    public T parseValue(Object input, graphql.GraphQLContext context, java.util.Locale locale) {
                        return parsed(String.valueOf(input), CoercingParseValueException::new);
                    }

                    @Override
                    public T parseLiteral(graphql.language.Value<?> input, graphql.execution.CoercedVariables variables,
                                          graphql.GraphQLContext context, java.util.Locale locale) {
                        if (input instanceof StringValue s) return parsed(s.getValue(), CoercingParseLiteralException::new);
                        throw new CoercingParseLiteralException(name + " must be a string, " + form);
                    }

                    private T parsed(String text, Function<String, RuntimeException> error) {
                        try {
                            return parse.apply(text);
                        } catch (DateTimeParseException e) {
                            throw error.apply(name + " must be " + form + ": " + text);
                        }
                    }
                })
                .build();
    }

    /** Output only: a JSON value (maps, lists, numbers, strings, booleans) written as it is. */
    static final GraphQLScalarType JSON = GraphQLScalarType.newScalar()
            .name("JSON")
            .description("any JSON value")
            .coercing(new Coercing<Object, Object>() {
                @Override
                public Object serialize(Object value, graphql.GraphQLContext context, java.util.Locale locale) {
                    return value;
                }

                @Override
                public Object parseValue(Object input, graphql.GraphQLContext context, java.util.Locale locale) {
                    throw new CoercingParseValueException("JSON is an output type only");
                }

                @Override
                public Object parseLiteral(graphql.language.Value<?> input, graphql.execution.CoercedVariables variables,
                                           graphql.GraphQLContext context, java.util.Locale locale) {
                    throw new CoercingParseLiteralException("JSON is an output type only");
                }
            })
            .build();

    @Bean
    public RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(DATE_TIME).scalar(DATE).scalar(JSON);
    }

    /** The same refusal when a subscription's arguments are bad (Spring resolves subscription errors apart). */
    @Bean
    public org.springframework.graphql.execution.SubscriptionExceptionResolver badSubscriptionArguments() {
        return new org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable ex) {
                return ex instanceof BadArgumentException bad ? badArgument(bad, GraphqlErrorBuilder.newError()) : null;
            }
        };
    }

    static GraphQLError badArgument(BadArgumentException bad, GraphqlErrorBuilder<?> error) {
        return error.errorType(ErrorType.BAD_REQUEST)
                .message(bad.field() + ": " + bad.getMessage())
                .extensions(Map.of("field", bad.field(), "code", "INVALID_VALUE"))
                .build();
    }

    @Bean
    public DataFetcherExceptionResolver badArguments() {
        return new DataFetcherExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
                return ex instanceof BadArgumentException bad ? badArgument(bad, GraphqlErrorBuilder.newError(env)) : null;
            }
        };
    }
}
