package org.vpp.api.graphql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

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

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("ISO-8601 instant with offset")
            .coercing(new Coercing<Instant, String>() {
                @Override
                public String serialize(Object value, graphql.GraphQLContext context, java.util.Locale locale) {
                    if (value instanceof Instant instant) return instant.toString();
                    throw new CoercingSerializeException("not an Instant: " + value);
                }

                @Override
                public Instant parseValue(Object input, graphql.GraphQLContext context, java.util.Locale locale) {
                    return parse(String.valueOf(input), CoercingParseValueException::new);
                }

                @Override
                public Instant parseLiteral(graphql.language.Value<?> input, graphql.execution.CoercedVariables variables,
                                            graphql.GraphQLContext context, java.util.Locale locale) {
                    if (input instanceof StringValue s) return parse(s.getValue(), CoercingParseLiteralException::new);
                    throw new CoercingParseLiteralException("DateTime must be a string like 2026-11-21T14:15:00Z");
                }
            })
            .build();

    static final GraphQLScalarType DATE = GraphQLScalarType.newScalar()
            .name("Date")
            .description("ISO-8601 calendar date")
            .coercing(new Coercing<LocalDate, String>() {
                @Override
                public String serialize(Object value, graphql.GraphQLContext context, java.util.Locale locale) {
                    if (value instanceof LocalDate date) return date.toString();
                    throw new CoercingSerializeException("not a LocalDate: " + value);
                }

                @Override
                public LocalDate parseValue(Object input, graphql.GraphQLContext context, java.util.Locale locale) {
                    return parseDate(String.valueOf(input), CoercingParseValueException::new);
                }

                @Override
                public LocalDate parseLiteral(graphql.language.Value<?> input, graphql.execution.CoercedVariables variables,
                                              graphql.GraphQLContext context, java.util.Locale locale) {
                    if (input instanceof StringValue s) return parseDate(s.getValue(), CoercingParseLiteralException::new);
                    throw new CoercingParseLiteralException("Date must be a string like 2026-06-17");
                }
            })
            .build();

    static LocalDate parseDate(String text, java.util.function.Function<String, RuntimeException> error) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error.apply("Date must be ISO-8601, like 2026-06-17: " + text);
        }
    }

    static Instant parse(String text, java.util.function.Function<String, RuntimeException> error) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw error.apply("DateTime must be ISO-8601 with an offset, like 2026-11-21T14:15:00Z: " + text);
        }
    }

    @Bean
    public RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(DATE_TIME).scalar(DATE);
    }

    @Bean
    public DataFetcherExceptionResolver badArguments() {
        return new DataFetcherExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
                if (ex instanceof BadArgumentException bad) {
                    return GraphqlErrorBuilder.newError(env)
                            .errorType(ErrorType.BAD_REQUEST)
                            .message(bad.field() + ": " + bad.getMessage())
                            .extensions(Map.of("field", bad.field(), "code", "INVALID_VALUE"))
                            .build();
                }
                return null;
            }
        };
    }
}
