package org.tehai.platform.error;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A JSON value the input rules refuse while reading the body; its message is the sentence the client reads. */
public class RejectedValue extends InvalidFormatException {

    public RejectedValue(JsonParser parser, String value, Class<?> type, String reason) {
        super(parser, "The value (" + ApiProblem.echo(value) + ") " + reason + ".", ApiProblem.echo(value), type);
    }
}
