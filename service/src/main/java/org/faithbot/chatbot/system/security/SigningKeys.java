package org.faithbot.chatbot.system.security;

import java.util.List;

import javax.crypto.SecretKey;

/** The keys that may have signed a valid token (more than one during a key rotation). */
public interface SigningKeys {

    List<SecretKey> current();
}
