/*
 * Starts the ProClinix chat widget (rasa-webchat over Rasa's socket.io channel) on any page:
 *
 *   <script src="https://CHAT-HOST/widget/chat.js" data-socket-url="https://CHAT-HOST" defer></script>
 *
 * The widget bundle, its stylesheet and the font are loaded from the folder this script comes
 * from, so the page makes no request to a third party. Optional attributes: data-socket-path
 * (default "/socket.io/"), data-title, data-subtitle.
 */
(function () {
  "use strict";

  var ROOT_ID = "proclinix-chat";
  var script = document.currentScript;
  var config = script.dataset;
  var assetBase = new URL(".", script.src).href;

  var LABELS = [
    [".rw-new-message", "Your message"],
    [".rw-send", "Send message"],
    [".rw-close-button", "Close the chat"],
    [".rw-toggle-fullscreen-button", "Toggle full screen"],
    [".rw-messages-container", "Conversation"]
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
    setAttribute(launcher, "aria-label",
      open ? "Close the chat" : "Open the chat with the ProClinix assistant");
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
      customData: { language: document.documentElement.lang || "en" },
      socketUrl: config.socketUrl,
      socketPath: config.socketPath || "/socket.io/",
      title: config.title || "ProClinix assistant",
      subtitle: config.subtitle || "Questions about ART, booking requests",
      inputTextFieldHint: "Type your question",
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
