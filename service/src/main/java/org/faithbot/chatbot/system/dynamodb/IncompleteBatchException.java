package org.faithbot.chatbot.system.dynamodb;

/** DynamoDB kept returning unprocessed items of a batch write after every retry. */
public class IncompleteBatchException extends RuntimeException {

    public IncompleteBatchException(String tableName, int unprocessed, int attempts) {
        super(unprocessed + " item(s) of table " + tableName + " were still unprocessed after " + attempts
                + " attempts");
    }
}
