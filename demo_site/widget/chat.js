/*
 * Starts the ProClinix chat widget (rasa-webchat over Rasa's socket.io channel) on any page:
 *
 *   <script src="https://CHAT-HOST/widget/chat.js" data-socket-url="https://CHAT-HOST" defer></script>
 *
 * The widget bundle, its stylesheet and the font are loaded from the folder this script comes
 * from, so the page makes no request to a third party. Optional attributes: data-socket-path
 * (default "/socket.io/"), data-title, data-subtitle.
 *
 * The widget's own words (title, subtitle, message field, the labels of its buttons) follow the
 * page's language: Spanish on a page whose <html lang> is "es" or "es-..." , English otherwise.
 */
(function () {
  "use strict";

  var ROOT_ID = "proclinix-chat";
  var script = document.currentScript;
  var config = script.dataset;
  var assetBase = new URL(".", script.src).href;

  var TEXTS = {
    en: {
      title: "ProClinix assistant",
      subtitle: "Questions about ART, booking requests",
      hint: "Type your question",
      connecting: "Waiting for server...",
      openChat: "Open the chat with the ProClinix assistant",
      closeChat: "Close the chat",
      message: "Your message",
      send: "Send message",
      fullScreen: "Toggle full screen",
      conversation: "Conversation"
    },
    es: {
      title: "Asistente de ProClinix",
      subtitle: "Preguntas sobre ART, solicitudes de cita",
      hint: "Escriba su pregunta",
      connecting: "Esperando al servidor...",
      openChat: "Abrir el chat con el asistente de ProClinix",
      closeChat: "Cerrar el chat",
      message: "Su mensaje",
      send: "Enviar mensaje",
      fullScreen: "Activar o desactivar pantalla completa",
      conversation: "Conversación"
    }
  };

  // "es", "es-US", "es-MX": Spanish; anything else: English.
  function pageLanguage() {
    var lang = (document.documentElement.lang || "en").toLowerCase();
    return lang === "es" || lang.indexOf("es-") === 0 ? "es" : "en";
  }

  var language = pageLanguage();
  var text = TEXTS[language];

  var LABELS = [
    [".rw-new-message", text.message],
    [".rw-send", text.send],
    [".rw-close-button", text.closeChat],
    [".rw-toggle-fullscreen-button", text.fullScreen],
    [".rw-messages-container", text.conversation]
  ];

  function setAttribute(element, name, value) {
    if (element.getAttribute(name) !== value) {
      element.setAttribute(name, value);
    }
  }

  function labelLauncher(root) {
    var launcher = root.querySelector(".rw-launcher");
    if (!launcher) {
      return;
    }
    var open = launcher.querySelector(".rw-close-launcher") !== null;
    setAttribute(launcher, "aria-label", open ? text.closeChat : text.openChat);
    setAttribute(launcher, "aria-expanded", open ? "true" : "false");
  }

  // rasa-webchat renders quick replies as clickable divs and its controls without names; these
  // attributes give screen readers names and make the replies reachable with Tab.
  function improveAccessibility(root) {
    labelLauncher(root);
    LABELS.forEach(function (entry) {
      root.querySelectorAll(entry[0]).forEach(function (element) {
        setAttribute(element, "aria-label", entry[1]);
      });
    });
    root.querySelectorAll(".rw-messages-container").forEach(function (log) {
      setAttribute(log, "role", "log");
      setAttribute(log, "aria-live", "polite");
    });
    root.querySelectorAll("div.rw-reply").forEach(function (reply) {
      setAttribute(reply, "role", "button");
      setAttribute(reply, "tabindex", "0");
    });
  }

  function activateRepliesWithKeyboard(root) {
    root.addEventListener("keydown", function (event) {
      var reply = event.target.closest ? event.target.closest("div.rw-reply") : null;
      if (!reply || (event.key !== "Enter" && event.key !== " ")) {
        return;
      }
      event.preventDefault();
      reply.click();
      var input = root.querySelector(".rw-new-message");
      if (input) {
        input.focus();
      }
    });
  }

  function addStylesheet() {
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = assetBase + "chat.css";
    document.head.appendChild(link);
  }

  // Short pauses between bot messages: long enough to read as a reply, short enough not to stall.
  function messageDelay(message) {
    return Math.min(300 + message.length * 5, 1200);
  }

  function start() {
    var root = document.createElement("div");
    root.id = ROOT_ID;
    document.body.appendChild(root);
    new MutationObserver(function () {
      improveAccessibility(root);
    }).observe(root, { childList: true, subtree: true });
    activateRepliesWithKeyboard(root);

    window.WebChat.default({
      initPayload: "/greet",
      // The page's language (its <html lang>), sent with each message: the assistant starts the
      // conversation in it (docs/spanish.md).
      customData: { language: language },
      socketUrl: config.socketUrl,
      socketPath: config.socketPath || "/socket.io/",
      title: config.title || text.title,
      subtitle: config.subtitle || text.subtitle,
      inputTextFieldHint: text.hint,
      connectingText: text.connecting,
      showFullScreenButton: false,
      customMessageDelay: messageDelay,
      // Session storage: a reload keeps the conversation, closing the tab forgets it (shared
      // computers at home or at work).
      params: { storage: "session" }
    }, root);
  }

  if (!config.socketUrl) {
    console.error("ProClinix chat: the chat.js script tag needs a data-socket-url attribute.");
    return;
  }
  addStylesheet();
  var bundle = document.createElement("script");
  bundle.src = assetBase + "webchat.js";
  bundle.onload = start;
  bundle.onerror = function () {
    console.error("ProClinix chat: could not load " + bundle.src);
  };
  document.head.appendChild(bundle);
})();
