package org.faithbot.chatbot.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.faithbot.chatbot.retention.RetentionProperties;
import org.faithbot.chatbot.scripture.VerseLibrary;
import org.faithbot.chatbot.system.Ids;
import org.faithbot.chatbot.system.dynamodb.ExpiredItemReaper;
import org.faithbot.chatbot.system.dynamodb.Items;
import org.faithbot.chatbot.system.dynamodb.QueryPage;
import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import org.faithbot.chatbot.system.idempotency.IdempotencyKeys;
import org.faithbot.chatbot.system.paging.CursorCodec;
import org.faithbot.chatbot.system.paging.Page;
import org.faithbot.chatbot.system.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.stereotype.Service;

/**
 * The caller's conversations: start one, list them (newest first), read one's messages (oldest
 * first). Only ever the caller's own: everything is read from their partition, so another user's
 * conversation id is simply not found (404). Expired items are never served (and deleted when met).
 */
@Service
public class ConversationService {

    static final String DEFAULT_TITLE = "New conversation";

    private final ConversationRepository conversations;

    private final MessageRepository messages;

    private final VerseLibrary library;

    private final CursorCodec cursors;

    private final ExpiredItemReaper reaper;

    private final IdempotencyKeys idempotencyKeys;

    private final RetentionProperties retention;

    private final Clock clock;

    ConversationService(ConversationRepository conversations, MessageRepository messages, VerseLibrary library,
            CursorCodec cursors, ExpiredItemReaper reaper, IdempotencyKeys idempotencyKeys, RetentionProperties retention,
            Clock clock) {
        this.idempotencyKeys = idempotencyKeys;
        this.conversations = conversations;
        this.messages = messages;
        this.library = library;
        this.cursors = cursors;
        this.reaper = reaper;
        this.retention = retention;
        this.clock = clock;
    }

    public Conversation start(String userId, @Nullable String title) {
        return start(userId, title, null).conversation();
    }

    /**
     * Starts a conversation; with an idempotency key, a retry of the same request gets the
     * conversation the first one started.
     */
    public Start start(String userId, @Nullable String title, @Nullable String idempotencyKey) {
        Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String chosen = (title == null || title.isBlank()) ? DEFAULT_TITLE : title.strip();
        String conversationId = Ids.timeOrdered(now).toString();
        Instant createdAt = now;
        if (idempotencyKey != null) {
            IdempotencyKeys.Claim claim = this.idempotencyKeys.claim(userId, "conversations", idempotencyKey,
                    IdempotencyKeys.fingerprint(chosen), conversationId, now);
            if (!claim.first()) {
                Optional<Conversation> earlier = this.conversations.find(userId, claim.resourceId());
                if (earlier.isPresent()) {
                    return new Start(earlier.get(), true);
                }
            }
            conversationId = claim.resourceId();
            createdAt = claim.createdAt();
        }
        Conversation conversation = new Conversation(userId, conversationId, chosen, createdAt, createdAt, 0,
                createdAt.plus(this.retention.messages()));
        if (!this.conversations.create(conversation)) {
            return new Start(this.conversations.find(userId, conversationId).orElse(conversation), true);
        }
        return new Start(conversation, false);
    }

    /** A started conversation, and whether it is the replay of an earlier request with the same key. */
    public record Start(Conversation conversation, boolean replayed) {
    }

    public Page<Conversation> list(String userId, int limit, @Nullable String cursor) {
        String listing = "conversations";
        QueryPage page = this.conversations.page(userId, limit, this.cursors.decode(cursor, listing, userId));
        List<Conversation> items = new ArrayList<>();
        for (Map<String, AttributeValue> item : page.items()) {
            if (servable(TableCatalog.CONVERSATIONS, item)) {
                items.add(this.conversations.fromItem(item));
            }
        }
        return new Page<>(items, this.cursors.encode(page.lastEvaluatedKey(), listing, userId));
    }

    public Page<ConversationViews.Message> messages(String userId, String conversationId, int limit,
            @Nullable String cursor) {
        Conversation conversation = this.conversations.find(userId, conversationId)
            .filter(found -> !found.expiresAt().isBefore(this.clock.instant()))
            .orElseThrow(() -> ApiProblem.notFound("No conversation with this id"));
        String listing = "messages:" + conversation.conversationId();
        QueryPage page = this.messages.page(userId, conversationId, limit, this.cursors.decode(cursor, listing, userId));
        List<ConversationViews.Message> items = new ArrayList<>();
        for (Map<String, AttributeValue> item : page.items()) {
            if (servable(TableCatalog.MESSAGES, item)) {
                items.add(message(item));
            }
        }
        return new Page<>(items, this.cursors.encode(page.lastEvaluatedKey(), listing, userId));
    }

    private boolean servable(String table, Map<String, AttributeValue> item) {
        if (Items.expired(item, this.clock.instant())) {
            this.reaper.reap(table, item);
            return false;
        }
        return true;
    }

    private ConversationViews.Message message(Map<String, AttributeValue> item) {
        String reference = Items.string(item, "scriptureReference");
        ConversationViews.RatingView rating = item.containsKey("rating")
                ? new ConversationViews.RatingView((int) Items.number(item, "rating"), Items.string(item, "ratingComment"),
                        Items.string(item, "ratedAt"))
                : null;
        return new ConversationViews.Message(Items.string(item, "messageId"), Items.string(item, "role"),
                Items.string(item, "text"), Items.string(item, "topic"),
                (reference != null) ? this.library.verse(reference).orElse(null) : null,
                Items.string(item, "createdAt"), rating);
    }
}
