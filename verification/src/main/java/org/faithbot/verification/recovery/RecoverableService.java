package org.faithbot.verification.recovery;

import org.faithbot.verification.auth.TokenIssuer;

import java.net.URI;
import java.util.List;

/** The service as a drill sees it: where it answers, which tables it uses, and how to re-point it at others. */
public interface RecoverableService {

    /** Its base URL now. */
    String url();

    /** The prefix of the tables it uses now: the live tables. */
    String tablePrefix();

    /** The logical names of its tables (tables.json). */
    List<String> tables();

    /** A fresh prefix for the tables of the next restore. */
    String nextRestorePrefix();

    /** Starts the service on the tables under the prefix (a new task definition); returns without waiting for it. */
    void repoint(String tablePrefix);

    /** Issues tokens the service accepts. */
    TokenIssuer tokens();

    /** The DynamoDB endpoint of an emulator (the runbook commands' --endpoint), or null in AWS. */
    URI dynamoDbEndpoint();

    /** The region of its DynamoDB. */
    String region();
}
