package org.faithbot.chatbot.privacy;

/** The privacy actions the audit trail records. */
public enum PrivacyAction {

    ACCOUNT_REGISTERED, CONSENT_CHANGED, SALE_SHARING_OPT_OUT, SALE_SHARING_OPT_IN, DATA_EXPORTED, DATA_ERASED
}
