using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Promises;

internal static class PromiseTexts
{
    // Capture
    public static readonly Text SavedTitle = new("Promise saved", "Обещание сохранено");
    public static readonly Text Saved = new("Saved: {0} — {1}, due {2}.", "Сохранено: {0} — {1}, срок {2}.");
    public static readonly Text Account = new("Client", "Клиент");
    public static readonly Text What = new("Promise", "Обещание");
    public static readonly Text Due = new("Due", "Срок");
    public static readonly Text Contact = new("Contact", "Контакт");
    public static readonly Text AskWhen = new("By when did you promise it? (e.g. `Friday`, `tomorrow 15:00`, `15 Dec`)", "К какому сроку вы это обещали? (например, `пятница`, `завтра в 15:00`, `15 декабря`)");
    public static readonly Text AskWhenAgain = new("I didn't catch a date there. Try `Friday`, `tomorrow 15:00` or `15 Dec`.", "Не понял дату. Попробуйте `пятница`, `завтра в 15:00` или `15 декабря`.");
    public static readonly Text AskAccount = new("Which client is it for?", "Для какого клиента?");
    public static readonly Text AskNewAccount = new("{0} is new to me. Add it as a client and save the promise?", "{0} — новый для меня клиент. Добавить его и сохранить обещание?");
    public static readonly Text AskNewAccountNamed = new("Add the client “{0}” and save the promise? If the name is spelled differently, type it.",
        "Добавить клиента «{0}» и сохранить обещание? Если название пишется иначе, напишите его.");
    public static readonly Text AddNamed = new("Add “{0}”", "Добавить «{0}»");
    public static readonly Text YesAdd = new("Yes, add {0}", "Да, добавить {0}");
    public static readonly Text NoThanks = new("No", "Нет");
    public static readonly Text LeftUnsaved = new("Left the promise to {0} unsaved.", "Обещание для клиента «{0}» не сохранил.");
    public static readonly Text NotSaved = new("OK, not saved.", "Хорошо, не сохраняю.");
    public static readonly Text ExplicitUsage = new("Write it like this: `promise Acme: send the quote by Friday`.", "Напишите так: `обещание Acme: отправить КП до пятницы`.");
    public static readonly Text DueInPast = new("That date has already passed. When will you do it?", "Эта дата уже прошла. Когда вы это сделаете?");

    // Buttons
    public static readonly Text ChangeDate = new("Change date", "Изменить срок");
    public static readonly Text Edit = new("Edit", "Изменить");
    public static readonly Text Cancel = new("Cancel", "Отменить");
    public static readonly Text Done = new("Done", "Готово");
    public static readonly Text OnTrack = new("On track", "Успеваю");
    public static readonly Text NewDate = new("New date…", "Новый срок…");
    public static readonly Text Snooze = new("Snooze", "Отложить");
    public static readonly Text Why = new("Why?", "Почему?");
    public static readonly Text NewDateInput = new("New date", "Новый срок");
    public static readonly Text ReasonInput = new("Why the change? (one sentence for the client)", "Причина переноса? (одна фраза для клиента)");
    public static readonly Text CancelReasonInput = new("Why cancel it?", "Почему отменяете?");
    public static readonly Text WhatInput = new("What did you promise?", "Что вы обещали?");

    // Outcomes
    public static readonly Text DoneOnTime = new("Done — on time. That's {0} of {1} on time this week.", "Готово — в срок. На этой неделе в срок {0} из {1}.");
    public static readonly Text DoneLate = new("Done. That's {0} of {1} on time this week.", "Готово. На этой неделе в срок {0} из {1}.");
    public static readonly Text OnTrackOk = new("Good — I'll check in at the due time, {0}.", "Хорошо — напомню в срок, {0}.");
    public static readonly Text Snoozed = new("Snoozed until {0}.", "Отложено до {0}.");
    public static readonly Text Redated = new("Due date changed to {0}.", "Срок изменён на {0}.");
    public static readonly Text Edited = new("Changed to: {0}.", "Изменено: {0}.");
    public static readonly Text Moved = new("Moved to {0}. Tell {1} today, before {2} passes, with the reason in one sentence.", "Перенесено на {0}. Скажите {1} сегодня, до {2}, и объясните причину одной фразой.");
    public static readonly Text NotFound = new("I can't find promise #{0} among yours. Type `promises` to see them.", "Не нахожу обещание №{0} среди ваших. Напишите `обещания`, чтобы их увидеть.");
    public static readonly Text NotFoundButton = new("I can't find that promise among yours. Type `promises` to see them.", "Не нахожу это обещание среди ваших. Напишите `обещания`, чтобы их увидеть.");
    public static readonly Text AlreadyClosed = new("Promise #{0} is already closed.", "Обещание №{0} уже закрыто.");
    public static readonly Text NeedId = new("Which one? Add its number, e.g. `{0} 3`. `promises` shows the numbers.", "Какое? Добавьте номер, например `{0} 3`. `обещания` покажет номера.");

    // Undo
    public static readonly Text UndoReopened = new("Promise #{0} is open again: {1}, due {2}.", "Обещание №{0} снова открыто: {1}, срок {2}.");
    public static readonly Text UndoMoved = new("Promise #{0} is due {2} again: {1}.", "У обещания №{0} снова прежний срок, {2}: {1}.");
    public static readonly Text UndoSnoozed = new("Snooze taken back: promise #{0} reminds you as before — {1}, due {2}.",
        "Откладывание отменено: напомню об обещании №{0}, как раньше, — {1}, срок {2}.");
    public static readonly Text UndoChangedSince = new("Promise #{0} has changed since, so I left it as it is.", "Обещание №{0} с тех пор изменилось, оставляю его как есть.");

    // Listing
    public static readonly Text ListTitle = new("Open promises ({0})", "Открытые обещания ({0})");
    public static readonly Text ListEmpty = new("No open promises. Tell me the next one: `promise Acme: send the quote by Friday`.", "Открытых обещаний нет. Расскажите о следующем: `обещание Acme: отправить КП до пятницы`.");
    public static readonly Text ListHint = new("`done N`, `move N to <date> because …`, `cancel N`, `snooze N`", "`готово N`, `перенести N на <дата>, потому что …`, `отменить N`, `отложить N`");
    public static readonly Text OverdueMark = new("overdue", "просрочено");

    // Reminders
    public static readonly Text DueTomorrow = new("Due tomorrow: {0}.", "Завтра срок: {0}.");
    public static readonly Text DueOn = new("Due {1}: {0}.", "Срок {1}: {0}.");
    public static readonly Text DueToday = new("Due today at {1}: {0}.", "Сегодня в {1} срок: {0}.");
    public static readonly Text DueNow = new("Due now: {0}.", "Срок сейчас: {0}.");
    public static readonly Text OverdueSince = new("Overdue since {1}: {0}.", "Просрочено с {1}: {0}.");
    public static readonly Text StillOnTrack = new("Still on track?", "Успеваете?");
    public static readonly Text DoneYet = new("Done?", "Сделано?");
    public static readonly Text KeepPrinciple = new("Do what you said; if you can't, say why — before the date.", "Делайте, что обещали; не получается — скажите почему, и до срока.");
    public static readonly Text OverdueTitle = new("Overdue promises ({0})", "Просроченные обещания ({0})");
    public static readonly Text OverdueHint = new("For each: done, a new date told to the client, or cancel.", "По каждому: готово, новый срок (и сказать клиенту) или отмена.");
    public static readonly Text DoneN = new("Done #{0}", "Готово №{0}");
    public static readonly Text NewDateN = new("New date #{0}", "Новый срок №{0}");

    // The promised deliverable as a reminder names it: "send the quote (Acme)".
    public static string Subject(Promise p) =>
        string.IsNullOrWhiteSpace(p.Contact) ? $"{p.What} ({p.Account?.Name})" : $"{p.What} ({p.Account?.Name}, {p.Contact})";
}
