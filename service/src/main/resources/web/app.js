/* Faithbot chat page: calls the API with the token the user pasted (kept in localStorage). */
(function () {
  'use strict';
  var TOKEN_KEY = 'faithbot.token';
  var conversationId = null;

  function $(id) { return document.getElementById(id); }
  function token() { return window.localStorage.getItem(TOKEN_KEY); }
  function status(text) { $('status').textContent = text || ''; }

  function api(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    if (token()) { headers['Authorization'] = 'Bearer ' + token(); }
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          if (!response.ok) { throw new Error(json.detail || ('The service answered ' + response.status)); }
          return json;
        });
      });
  }

  function add(role, text, reply) {
    var item = document.createElement('li');
    item.className = role;
    item.appendChild(document.createTextNode(text));
    if (reply && reply.scripture) {
      var verse = document.createElement('span');
      verse.className = 'scripture';
      verse.textContent = reply.scripture.reference + ' \u2014 ' + reply.scripture.text;
      item.appendChild(verse);
    }
    if (reply && reply.resources) {
      var list = document.createElement('ul');
      list.className = 'resources';
      reply.resources.forEach(function (resource) {
        var entry = document.createElement('li');
        entry.textContent = resource.name + ': ' + resource.contact;
        list.appendChild(entry);
      });
      item.appendChild(list);
    }
    if (role === 'assistant' && reply && reply.messageId) {
      item.appendChild(ratingControls(reply.messageId, reply.rating ? reply.rating.score : null));
    }
    $('messages').appendChild(item);
    item.scrollIntoView({ block: 'end' });
  }

  // Five buttons under each reply: the member's rating of it (PUT .../rating), the one given marked as pressed
  function ratingControls(messageId, given) {
    var inConversation = conversationId; // the reply's conversation, whatever is open when a button is pressed
    var group = document.createElement('div');
    group.className = 'rating';
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', 'Rate this reply from 1 to 5');
    for (var score = 1; score <= 5; score++) {
      group.appendChild(ratingButton(inConversation, messageId, score, given, group));
    }
    return group;
  }

  function ratingButton(inConversation, messageId, score, given, group) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = String(score);
    button.setAttribute('aria-label', 'Rate this reply ' + score + ' of 5');
    button.setAttribute('aria-pressed', String(given === score));
    button.addEventListener('click', function () {
      api('PUT', '/api/v1/conversations/' + encodeURIComponent(inConversation) + '/messages/' + encodeURIComponent(messageId)
          + '/rating', { score: score }).then(function () {
        Array.prototype.forEach.call(group.querySelectorAll('button'), function (other) {
          other.setAttribute('aria-pressed', String(other === button));
        });
        status('Thank you: you rated this reply ' + score + ' of 5.');
      }).catch(function (error) { status(error.message); });
    });
    return button;
  }

  function loadDailyVerse() {
    if ($('daily-verse').textContent.trim() !== '') { return; } // rendered into the page by the server
    api('GET', '/api/v1/verses/daily').then(function (daily) {
      $('daily-verse').textContent = '\u201C' + daily.verse.text + '\u201D \u2014 ' + daily.verse.reference;
    }).catch(function () { /* the page works without it */ });
  }

  function loadConversations() {
    if (!token()) { return; }
    api('GET', '/api/v1/conversations?limit=20').then(function (page) {
      var list = $('conversations');
      list.textContent = '';
      page.items.forEach(function (conversation) {
        var item = document.createElement('li');
        var open = document.createElement('button');
        open.type = 'button';
        open.textContent = conversation.title + ' (' + conversation.lastMessageAt.substring(0, 10) + ')';
        open.addEventListener('click', function () { openConversation(conversation.conversationId); });
        item.appendChild(open);
        list.appendChild(item);
      });
    }).catch(function (error) { status(error.message); });
  }

  function openConversation(id) {
    api('GET', '/api/v1/conversations/' + encodeURIComponent(id) + '/messages?limit=200').then(function (page) {
      conversationId = id;
      $('messages').textContent = '';
      page.items.forEach(function (message) { add(message.role, message.text, message); });
    }).catch(function (error) { status(error.message); });
  }

  function send(event) {
    event.preventDefault();
    var text = $('message').value.trim();
    if (!text) { return; }
    if (!token()) { status('Paste your token first.'); return; }
    add('user', text);
    $('message').value = '';
    status('');
    var body = { message: text };
    if (conversationId) { body.conversationId = conversationId; }
    api('POST', '/api/v1/chat', body).then(function (answer) {
      conversationId = answer.conversationId;
      add('assistant', answer.reply.text, {
        messageId: answer.messageId,
        scripture: answer.reply.scripture,
        resources: answer.safety ? answer.safety.resources : null
      });
      loadConversations();
    }).catch(function (error) { status(error.message); });
  }

  function start() {
    $('token').value = token() || '';
    $('token-form').addEventListener('submit', function (event) {
      event.preventDefault();
      window.localStorage.setItem(TOKEN_KEY, $('token').value.trim());
      status('Token saved.');
      loadConversations();
    });
    $('forget-token').addEventListener('click', function () {
      window.localStorage.removeItem(TOKEN_KEY);
      $('token').value = '';
      $('conversations').textContent = '';
    });
    $('new-conversation').addEventListener('click', function () {
      conversationId = null;
      $('messages').textContent = '';
    });
    $('chat-form').addEventListener('submit', send);
    // Enter sends, Shift+Enter starts a new line (as the accessibility guide says); not while an IME composes
    $('message').addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        $('chat-form').requestSubmit();
      }
    });
    loadDailyVerse();
    loadConversations();
  }

  // loaded once the page has been painted (by app-loader.js), so usually after the document is parsed
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
