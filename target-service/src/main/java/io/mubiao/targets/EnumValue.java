package io.mubiao.targets;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The string is the name of one of the enum's constants (null passes; pair with {@code @NotNull}).
 * Enum-valued request fields are strings checked with this, so that an unknown value is a 422 naming the
 * field and the allowed values, reported together with the request's other errors, rather than a 400
 * from the JSON reader.
 */
@Documented
@Constraint(validatedBy = EnumValue.Validator.class)
@Target({ FIELD, PARAMETER })
@Retention(RUNTIME)
public @interface EnumValue {

    Class<? extends Enum<?>> value();

    String message() default "is not an allowed value";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EnumValue, String> {

        private Enum<?>[] constants;

        @Override
        public void initialize(EnumValue annotation) {
            constants = annotation.value().getEnumConstants();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || Arrays.stream(constants).anyMatch(constant -> constant.name().equals(value))) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            String allowed = Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
            // The value is user input: keep it out of the message template, where braces would be interpolated.
            context.buildConstraintViolationWithTemplate("must be one of " + allowed).addConstraintViolation();
            return false;
        }
    }
}
