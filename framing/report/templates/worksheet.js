// Progressive enhancement of the worksheet: clickable words, and a reveal button per headline.
// Without this script every task still works on paper or in the form fields, and the answers
// stay at the end of the page. Text is only ever set with textContent, never parsed as HTML.
(function () {
  "use strict";
  var doc = document;
  doc.documentElement.classList.add("js");
  var source = doc.getElementById("worksheet-data");
  var data = source ? JSON.parse(source.textContent) : { items: [] };
  var byId = {};
  data.items.forEach(function (item) { byId[item.id] = item; });
  var teacher = doc.body.getAttribute("data-answers") === "true";

  function makeWordButtons(section) {
    var spans = section.querySelectorAll(".words .w");
    Array.prototype.forEach.call(spans, function (span) {
      var button = doc.createElement("button");
      button.type = "button";
      button.className = "word";
      button.textContent = span.textContent;
      button.setAttribute("aria-pressed", "false");
      button.setAttribute("data-index", span.getAttribute("data-index"));
      button.addEventListener("click", function () {
        var on = button.getAttribute("aria-pressed") !== "true";
        button.setAttribute("aria-pressed", on ? "true" : "false");
      });
      span.parentNode.replaceChild(button, span);
    });
  }

  function feedbackText(section, item) {
    var picked = [];
    Array.prototype.forEach.call(section.querySelectorAll("button.word"), function (button) {
      var index = Number(button.getAttribute("data-index"));
      var flagged = item.flagged.indexOf(index) >= 0;
      button.classList.toggle("flagged", flagged);
      if (button.getAttribute("aria-pressed") === "true") { picked.push(index); }
    });
    var both = picked.filter(function (index) { return item.flagged.indexOf(index) >= 0; });
    var words = function (list) { return list.map(function (i) { return item.words[i]; }).join(", "); };
    if (!picked.length) {
      return "You marked no words. The toolkit flags " + item.flagged.length + ".";
    }
    var text = "You marked " + picked.length + (picked.length === 1 ? " word" : " words") +
      "; the toolkit flags " + item.flagged.length + ". ";
    text += both.length ? "You agree on: " + words(both) + "." : "You picked different words: talk about why.";
    return text;
  }

  function addReveal(section, item) {
    var answer = doc.getElementById("answer-" + section.id);
    var slot = section.querySelector(".reveal-slot");
    if (!answer || !slot) { return; }
    var button = doc.createElement("button");
    button.type = "button";
    button.className = "reveal";
    button.textContent = "Reveal the toolkit's answer";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", answer.id);
    var feedback = doc.createElement("p");
    feedback.className = "feedback";
    feedback.setAttribute("aria-live", "polite");
    answer.hidden = true;
    answer.insertBefore(feedback, answer.firstChild);
    slot.appendChild(button);
    slot.appendChild(answer);
    button.addEventListener("click", function () {
      var open = answer.hidden;
      answer.hidden = !open;
      section.classList.toggle("revealed", open);
      button.setAttribute("aria-expanded", open ? "true" : "false");
      button.textContent = open ? "Hide the toolkit's answer" : "Reveal the toolkit's answer";
      feedback.textContent = open ? feedbackText(section, item) : "";
    });
  }

  Array.prototype.forEach.call(doc.querySelectorAll("article.item"), function (section) {
    var item = byId[section.id];
    if (!item) { return; }
    makeWordButtons(section);
    if (!teacher) { addReveal(section, item); }
  });
  if (!teacher) {
    var key = doc.getElementById("answer-key");
    if (key) { key.hidden = true; }
  }
}());
