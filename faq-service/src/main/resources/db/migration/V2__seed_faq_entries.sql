-- The first set of FAQ entries for logiShift Support, published in English and German, and in French
-- for the most asked topics (the other topics fall back to English for `lang=fr`).
-- Topics are ordered by sort_order in steps of 10, leaving room for new ones in between.
-- Answers are Markdown; clients render them safely (no raw HTML).

INSERT INTO faq_entry (id, topic_key, language, category, sort_order, published, created_at, updated_at, question, answer)
VALUES
-- 10 ------------------------------------------------------------------------------------------
(gen_random_uuid(), 'damaged-parcel', 'en', 'DAMAGED', 10, true, now(), now(),
 'My parcel arrived damaged or broken. What should I do?',
 $a$Sorry about that. Damaged shipments are handled fastest when we get the facts early:

1. **At the door:** if the packaging is visibly damaged (crushed, torn, wet, dented or broken), ask the driver to note the damage on the delivery record. You may also refuse to accept the parcel; it then goes back to the sender.
2. **Keep everything:** do not throw away the packaging, the filling material or the damaged goods until the case is closed. We or the sender's insurer may need to see them.
3. **Take photos** of the outer packaging, the shipping label and the damaged contents.
4. **Open a support ticket** at [/support](/support) with the category **Damaged**. Add the delivery ID from your shipping confirmation and describe what is broken or missing.

An agent reviews every damage report and tells you the next steps, for example a pickup, a replacement shipment by the sender or a claim.$a$),
(gen_random_uuid(), 'damaged-parcel', 'de', 'DAMAGED', 10, true, now(), now(),
 'Mein Paket ist beschädigt oder kaputt angekommen. Was soll ich tun?',
 $a$Das tut uns leid. Schäden können wir am schnellsten klären, wenn wir früh die wichtigsten Informationen haben:

1. **Bei der Zustellung:** Ist die Verpackung sichtbar beschädigt (eingedrückt, aufgerissen, nass oder kaputt), lassen Sie den Schaden vom Fahrer auf dem Zustellbeleg vermerken. Sie können die Annahme auch verweigern; die Sendung geht dann an den Absender zurück.
2. **Nichts wegwerfen:** Bewahren Sie Verpackung, Füllmaterial und die beschädigte Ware auf, bis der Fall abgeschlossen ist. Wir oder die Versicherung des Absenders müssen sie eventuell begutachten.
3. **Fotos machen** von der Außenverpackung, dem Versandetikett und dem beschädigten Inhalt.
4. **Support-Ticket eröffnen** unter [/support](/support) mit der Kategorie **Beschädigt** (Damaged). Geben Sie die Sendungsnummer aus Ihrer Versandbestätigung an und beschreiben Sie, was kaputt ist oder fehlt.

Jede Schadensmeldung wird von einem Mitarbeiter geprüft, der Ihnen die nächsten Schritte mitteilt, zum Beispiel eine Abholung, eine Ersatzlieferung durch den Absender oder eine Schadensregulierung.$a$),
(gen_random_uuid(), 'damaged-parcel', 'fr', 'DAMAGED', 10, true, now(), now(),
 'Mon colis est arrivé endommagé ou cassé. Que dois-je faire ?',
 $a$Nous en sommes désolés. Un dommage se règle plus vite lorsque nous avons les bonnes informations dès le départ :

1. **À la livraison :** si l'emballage est visiblement abîmé (écrasé, déchiré, mouillé ou cassé), demandez au chauffeur de noter le dommage sur le bon de livraison. Vous pouvez aussi refuser le colis ; il retourne alors à l'expéditeur.
2. **Conservez tout :** gardez l'emballage, le matériel de calage et la marchandise endommagée jusqu'à la clôture du dossier. Nous ou l'assureur de l'expéditeur pourrions avoir besoin de les examiner.
3. **Prenez des photos** de l'emballage extérieur, de l'étiquette d'expédition et du contenu endommagé.
4. **Ouvrez un ticket** sur [/support](/support) avec la catégorie **Endommagé** (Damaged). Indiquez le numéro de livraison figurant dans votre confirmation d'expédition et décrivez ce qui est cassé ou manquant.

Un agent examine chaque déclaration de dommage et vous indique la suite : enlèvement, nouvel envoi par l'expéditeur ou réclamation.$a$),

-- 20 ------------------------------------------------------------------------------------------
(gen_random_uuid(), 'damaged-hidden', 'en', 'DAMAGED', 20, true, now(), now(),
 'The box looked fine, but the contents were damaged when I unpacked it. Can I still report it?',
 $a$Yes. Damage that is not visible from the outside (concealed damage) can still be reported after delivery, but please do it **as soon as you notice it, at the latest within 7 days of delivery**. The later a report comes in, the harder it is to show where the damage happened.

- Stop unpacking and take photos of the packaging, the filling material and the damaged item as you found them.
- Keep the packaging.
- Open a ticket at [/support](/support) with the category **Damaged** and mention that the damage was only visible after unpacking.$a$),
(gen_random_uuid(), 'damaged-hidden', 'de', 'DAMAGED', 20, true, now(), now(),
 'Der Karton sah unversehrt aus, aber der Inhalt war beim Auspacken beschädigt. Kann ich das noch melden?',
 $a$Ja. Schäden, die von außen nicht erkennbar waren (verdeckte Schäden), können Sie auch nach der Zustellung melden – bitte **sofort nach dem Entdecken, spätestens innerhalb von 7 Tagen nach der Zustellung**. Je später die Meldung kommt, desto schwerer lässt sich nachweisen, wo der Schaden entstanden ist.

- Packen Sie nicht weiter aus und fotografieren Sie Verpackung, Füllmaterial und die beschädigte Ware im vorgefundenen Zustand.
- Bewahren Sie die Verpackung auf.
- Eröffnen Sie unter [/support](/support) ein Ticket mit der Kategorie **Beschädigt** (Damaged) und erwähnen Sie, dass der Schaden erst beim Auspacken sichtbar wurde.$a$),

-- 30 ------------------------------------------------------------------------------------------
(gen_random_uuid(), 'lost-shipment', 'en', 'LOST', 30, true, now(), now(),
 'My shipment has not arrived and the tracking has not changed for days. Is it lost?',
 $a$Not necessarily. Parcels are sometimes held at a depot or not scanned at every stop, so a tracking status that does not change for a day or two is not yet a reason to worry.

Please open a ticket with the category **Lost** at [/support](/support) when:

- the tracking has not changed for **3 working days or more**, or
- the announced delivery date is more than **5 working days** in the past.

Add the delivery ID and the delivery address. We then start a trace of the lost shipment through our depots and keep you updated in the ticket. If the shipment cannot be found, we tell you how the claim is settled with the sender.$a$),
(gen_random_uuid(), 'lost-shipment', 'de', 'LOST', 30, true, now(), now(),
 'Meine Sendung ist nicht angekommen und die Sendungsverfolgung ändert sich seit Tagen nicht. Ist sie verloren gegangen?',
 $a$Nicht unbedingt. Pakete liegen manchmal in einem Depot oder werden nicht an jeder Station gescannt. Ein Status, der sich ein oder zwei Tage nicht ändert, ist daher noch kein Grund zur Sorge.

Bitte eröffnen Sie unter [/support](/support) ein Ticket mit der Kategorie **Verloren** (Lost), wenn

- sich die Sendungsverfolgung seit **3 Werktagen oder länger** nicht geändert hat, oder
- der angekündigte Zustelltermin mehr als **5 Werktage** zurückliegt.

Geben Sie die Sendungsnummer und die Lieferadresse an. Wir starten dann eine Nachforschung in unseren Depots und halten Sie im Ticket auf dem Laufenden. Bleibt die Sendung verschwunden, erklären wir Ihnen, wie der Schaden mit dem Absender reguliert wird.$a$),
(gen_random_uuid(), 'lost-shipment', 'fr', 'LOST', 30, true, now(), now(),
 'Mon envoi n''est pas arrivé et le suivi n''a pas bougé depuis plusieurs jours. Est-il perdu ?',
 $a$Pas forcément. Un colis peut rester quelques heures dans un dépôt ou ne pas être scanné à chaque étape : un suivi qui ne change pas pendant un ou deux jours n'est pas encore inquiétant.

Ouvrez un ticket avec la catégorie **Perdu** (Lost) sur [/support](/support) lorsque :

- le suivi n'a pas changé depuis **3 jours ouvrés ou plus**, ou
- la date de livraison annoncée est dépassée de plus de **5 jours ouvrés**.

Indiquez le numéro de livraison et l'adresse de livraison. Nous lançons alors une recherche dans nos dépôts et vous tenons informé dans le ticket. Si l'envoi reste introuvable, nous vous expliquons comment la réclamation est réglée avec l'expéditeur.$a$),

-- 40 ------------------------------------------------------------------------------------------
(gen_random_uuid(), 'lost-marked-delivered', 'en', 'LOST', 40, true, now(), now(),
 'The tracking says "delivered", but I never received the parcel.',
 $a$Please check these first; they solve most cases within minutes:

- **Neighbours and safe places:** the driver may have left the parcel with a neighbour or at a safe place. A card in your letterbox or the tracking details usually say where.
- **Other people at the address:** colleagues at reception, family members or the mail room.
- **Pickup points:** if nobody was home, the parcel may be waiting at a pickup point for collection.

Still missing? Open a ticket with the category **Lost** at [/support](/support) **within 7 days**. We check the driver's delivery record (time, location and signature or photo) and trace the parcel from there.$a$),
(gen_random_uuid(), 'lost-marked-delivered', 'de', 'LOST', 40, true, now(), now(),
 'Laut Sendungsverfolgung wurde zugestellt, aber ich habe das Paket nie erhalten.',
 $a$Bitte prüfen Sie zuerst Folgendes – damit klären sich die meisten Fälle in wenigen Minuten:

- **Nachbarn und Ablageort:** Der Fahrer hat das Paket eventuell bei einem Nachbarn oder an einem Ablageort abgegeben. Eine Karte im Briefkasten oder die Details der Sendungsverfolgung sagen meist, wo.
- **Andere Personen an der Adresse:** Empfang, Poststelle oder Familienmitglieder.
- **Abholstationen:** War niemand zu Hause, liegt das Paket vielleicht zur Abholung in einer Abholstation bereit.

Immer noch nicht gefunden? Eröffnen Sie **innerhalb von 7 Tagen** unter [/support](/support) ein Ticket mit der Kategorie **Verloren** (Lost). Wir prüfen den Zustellnachweis des Fahrers (Zeit, Ort und Unterschrift oder Foto) und verfolgen das Paket von dort aus weiter.$a$),

-- 50 ------------------------------------------------------------------------------------------
(gen_random_uuid(), 'late-delivery', 'en', 'LATE', 50, true, now(), now(),
 'My delivery is late. What can I do?',
 $a$Most delays are short: bad weather, high volumes before holidays or a missed connection at a depot usually hold a shipment back for one or two working days, and the tracking is updated as soon as it moves again.

- Check the tracking for a new expected delivery date.
- If the delivery is **more than 2 working days late**, or it was booked for a **fixed date or time slot** that was missed, open a ticket with the category **Late** at [/support](/support) and add the delivery ID.
- Tell us if the delivery is urgent or has a deadline (for example perishable goods or a production line waiting for parts) and choose the priority **High**.

We find out where the shipment is, tell you when it will arrive and, where your contract provides for it, start a claim for the late delivery.$a$),
(gen_random_uuid(), 'late-delivery', 'de', 'LATE', 50, true, now(), now(),
 'Meine Lieferung verspätet sich. Was kann ich tun?',
 $a$Die meisten Verspätungen sind kurz: Schlechtes Wetter, hohe Mengen vor Feiertagen oder ein verpasster Anschluss im Depot halten eine Sendung meist ein oder zwei Werktage auf. Die Sendungsverfolgung wird aktualisiert, sobald sie weiterläuft.

- Prüfen Sie in der Sendungsverfolgung, ob es einen neuen voraussichtlichen Zustelltermin gibt.
- Ist die Lieferung **mehr als 2 Werktage verspätet** oder wurde ein **fester Termin oder ein Zeitfenster** verpasst, eröffnen Sie unter [/support](/support) ein Ticket mit der Kategorie **Verspätet** (Late) und geben Sie die Sendungsnummer an.
- Sagen Sie uns, wenn die Lieferung eilig ist oder an einer Frist hängt (zum Beispiel verderbliche Waren oder eine Produktion, die auf Teile wartet), und wählen Sie die Priorität **Hoch** (High).

Wir finden heraus, wo die Sendung ist, sagen Ihnen, wann sie ankommt, und leiten – sofern Ihr Vertrag es vorsieht – eine Reklamation wegen der Verspätung ein.$a$),
(gen_random_uuid(), 'late-delivery', 'fr', 'LATE', 50, true, now(), now(),
 'Ma livraison est en retard. Que puis-je faire ?',
 $a$La plupart des retards sont courts : mauvais temps, forts volumes avant les fêtes ou correspondance manquée dans un dépôt retiennent généralement un envoi un ou deux jours ouvrés, et le suivi est mis à jour dès qu'il repart.

- Consultez le suivi pour voir s'il indique une nouvelle date de livraison prévue.
- Si la livraison a **plus de 2 jours ouvrés de retard**, ou si une **date fixe ou un créneau horaire** n'a pas été respecté, ouvrez un ticket avec la catégorie **En retard** (Late) sur [/support](/support) en indiquant le numéro de livraison.
- Signalez-nous si la livraison est urgente ou liée à une échéance (denrées périssables, production en attente de pièces…) et choisissez la priorité **Haute** (High).

Nous localisons l'envoi, vous indiquons quand il arrivera et, si votre contrat le prévoit, ouvrons une réclamation pour le retard.$a$),

-- 60 ------------------------------------------------------------------------------------------
(gen_random_uuid(), 'track-delivery', 'en', 'SHIPPING', 60, true, now(), now(),
 'How do I track my delivery, and where do I find the delivery ID?',
 $a$Every shipment has a **delivery ID** (tracking number). You find it in the shipping confirmation the sender emailed you and on the shipping label.

Open the tracking link from the shipping confirmation to see each scan of your packages: pickup, depots, out for delivery and delivered. Please include the delivery ID whenever you contact support about a shipment; it lets an agent find your delivery straight away.$a$),
(gen_random_uuid(), 'track-delivery', 'de', 'SHIPPING', 60, true, now(), now(),
 'Wie verfolge ich meine Lieferung und wo finde ich die Sendungsnummer?',
 $a$Jede Sendung hat eine **Sendungsnummer** (Tracking-Nummer). Sie steht in der Versandbestätigung, die Ihnen der Absender per E-Mail geschickt hat, und auf dem Versandetikett.

Über den Link zur Sendungsverfolgung in der Versandbestätigung sehen Sie jeden Scan Ihrer Pakete: Abholung, Depots, in Zustellung und zugestellt. Bitte geben Sie die Sendungsnummer immer an, wenn Sie sich wegen einer Sendung an den Support wenden – so findet ein Mitarbeiter Ihre Lieferung sofort.$a$),

-- 70 ------------------------------------------------------------------------------------------
(gen_random_uuid(), 'change-delivery', 'en', 'SHIPPING', 70, true, now(), now(),
 'Can I change the delivery address or date after the shipment has been sent?',
 $a$Often, yes, as long as the shipment is not yet out for delivery:

- **Another date** or **delivery to a neighbour or pickup point** can usually be arranged while the shipment is in transit.
- **Another address** is only possible with the sender's consent, because the sender is our contract partner for the shipment. The easiest way is to ask the sender to change it with us.

Open a ticket with the category **Other** at [/support](/support), add the delivery ID and the change you need. Once a shipment is out for delivery, changes can no longer be guaranteed.$a$),
(gen_random_uuid(), 'change-delivery', 'de', 'SHIPPING', 70, true, now(), now(),
 'Kann ich die Lieferadresse oder den Liefertermin ändern, nachdem die Sendung verschickt wurde?',
 $a$Oft ja, solange die Sendung noch nicht in Zustellung ist:

- **Ein anderer Termin** oder **die Zustellung an einen Nachbarn oder eine Abholstation** lässt sich meist noch während des Transports vereinbaren.
- **Eine andere Adresse** ist nur mit Zustimmung des Absenders möglich, weil er unser Vertragspartner für die Sendung ist. Am einfachsten bitten Sie den Absender, die Änderung bei uns zu veranlassen.

Eröffnen Sie unter [/support](/support) ein Ticket mit der Kategorie **Sonstiges** (Other) und geben Sie die Sendungsnummer und die gewünschte Änderung an. Ist die Sendung bereits in Zustellung, können wir Änderungen nicht mehr garantieren.$a$),

-- 80 ------------------------------------------------------------------------------------------
(gen_random_uuid(), 'quality-complaint', 'en', 'QUALITY', 80, true, now(), now(),
 'The delivery was not handled as agreed (wrong temperature, handling instructions ignored, wrong items). How do I complain?',
 $a$Use the category **Quality** when the shipment arrived but our service did not meet what was agreed, for example:

- temperature-controlled goods arrived outside the agreed temperature range,
- handling instructions such as "this side up", "fragile" or "do not stack" were ignored,
- you received someone else's parcel, or only part of a multi-parcel shipment,
- the delivery was made without the agreed appointment, signature or ID check.

Open a ticket at [/support](/support) with the delivery ID, what was agreed and what happened, and photos or temperature logs if you have them.

If the **goods themselves** are wrong or faulty (wrong size, wrong model, a defect), please contact the sender: they are responsible for the contents of the parcel.$a$),
(gen_random_uuid(), 'quality-complaint', 'de', 'QUALITY', 80, true, now(), now(),
 'Die Lieferung wurde nicht wie vereinbart abgewickelt (falsche Temperatur, Hinweise missachtet, falsche Pakete). Wie reklamiere ich das?',
 $a$Nutzen Sie die Kategorie **Qualität** (Quality), wenn die Sendung angekommen ist, unsere Leistung aber nicht der Vereinbarung entsprach, zum Beispiel:

- temperaturgeführte Ware kam außerhalb des vereinbarten Temperaturbereichs an,
- Hinweise wie „oben“, „zerbrechlich“ oder „nicht stapeln“ wurden missachtet,
- Sie haben das Paket eines anderen Empfängers oder nur einen Teil einer Sendung mit mehreren Paketen erhalten,
- die Zustellung erfolgte ohne den vereinbarten Termin, die Unterschrift oder die Ausweisprüfung.

Eröffnen Sie unter [/support](/support) ein Ticket mit der Sendungsnummer, der Vereinbarung und dem, was passiert ist – gern mit Fotos oder Temperaturprotokollen.

Ist die **Ware selbst** falsch oder fehlerhaft (falsche Größe, falsches Modell, ein Defekt), wenden Sie sich bitte an den Absender: Er ist für den Inhalt des Pakets verantwortlich.$a$),

-- 90 ------------------------------------------------------------------------------------------
(gen_random_uuid(), 'return-shipment', 'en', 'RETURNS', 90, true, now(), now(),
 'How do I send a parcel back (return)?',
 $a$Returns are arranged by the **sender** of the shipment (usually the shop or supplier you ordered from):

1. Register the return with the sender. They decide whether the goods can be returned and give you a **return label**.
2. Pack the goods safely, ideally in the original packaging, and cover or remove old shipping labels.
3. Stick the return label on the parcel and hand it over as the label or the sender describes.

Keep the receipt or the return tracking number until the sender confirms the return. If a return shipment with logiShift is late, lost or damaged, open a ticket at [/support](/support) with the return tracking number.$a$),
(gen_random_uuid(), 'return-shipment', 'de', 'RETURNS', 90, true, now(), now(),
 'Wie schicke ich ein Paket zurück (Retoure)?',
 $a$Rücksendungen veranlasst der **Absender** der Sendung (meist der Shop oder Lieferant, bei dem Sie bestellt haben):

1. Melden Sie die Retoure beim Absender an. Er entscheidet, ob die Ware zurückgeschickt werden kann, und gibt Ihnen ein **Retourenetikett**.
2. Verpacken Sie die Ware sicher, am besten in der Originalverpackung, und überkleben oder entfernen Sie alte Versandetiketten.
3. Kleben Sie das Retourenetikett auf und geben Sie das Paket so ab, wie es auf dem Etikett oder vom Absender beschrieben ist.

Bewahren Sie den Einlieferungsbeleg oder die Sendungsnummer der Retoure auf, bis der Absender den Eingang bestätigt. Ist eine Retoure mit logiShift verspätet, verloren oder beschädigt, eröffnen Sie unter [/support](/support) ein Ticket mit der Sendungsnummer der Retoure.$a$),
(gen_random_uuid(), 'return-shipment', 'fr', 'RETURNS', 90, true, now(), now(),
 'Comment renvoyer un colis (retour) ?',
 $a$Les retours sont organisés par l'**expéditeur** de l'envoi (généralement la boutique ou le fournisseur auprès duquel vous avez commandé) :

1. Déclarez le retour auprès de l'expéditeur. Il décide si la marchandise peut être renvoyée et vous fournit une **étiquette de retour**.
2. Emballez soigneusement la marchandise, si possible dans l'emballage d'origine, et masquez ou retirez les anciennes étiquettes.
3. Collez l'étiquette de retour et déposez le colis comme indiqué sur l'étiquette ou par l'expéditeur.

Conservez le reçu ou le numéro de suivi du retour jusqu'à ce que l'expéditeur confirme sa réception. Si un retour confié à logiShift est en retard, perdu ou endommagé, ouvrez un ticket sur [/support](/support) avec le numéro de suivi du retour.$a$),

-- 100 -----------------------------------------------------------------------------------------
(gen_random_uuid(), 'refuse-delivery', 'en', 'RETURNS', 100, true, now(), now(),
 'Can I refuse to accept a delivery?',
 $a$Yes. You can refuse a parcel at the door, for example when the packaging is clearly damaged or you did not order it. The driver records the refusal and the shipment goes back to the sender, who then contacts you about a replacement or refund.

Refusing a delivery does not cancel your order with the sender by itself; please tell the sender as well. If the parcel was damaged, also open a ticket with the category **Damaged** at [/support](/support) so that the damage is documented.$a$),
(gen_random_uuid(), 'refuse-delivery', 'de', 'RETURNS', 100, true, now(), now(),
 'Kann ich die Annahme einer Lieferung verweigern?',
 $a$Ja. Sie können ein Paket an der Tür ablehnen, zum Beispiel wenn die Verpackung deutlich beschädigt ist oder Sie es nicht bestellt haben. Der Fahrer vermerkt die Annahmeverweigerung, und die Sendung geht an den Absender zurück, der sich wegen Ersatz oder Erstattung bei Ihnen meldet.

Die Annahmeverweigerung storniert Ihre Bestellung beim Absender nicht automatisch; informieren Sie bitte auch den Absender. War das Paket beschädigt, eröffnen Sie zusätzlich unter [/support](/support) ein Ticket mit der Kategorie **Beschädigt** (Damaged), damit der Schaden dokumentiert ist.$a$),

-- 110 -----------------------------------------------------------------------------------------
(gen_random_uuid(), 'open-ticket', 'en', 'SUPPORT', 110, true, now(), now(),
 'How do I contact logiShift support?',
 $a$Support works through tickets, so that every request is tracked and nothing gets lost:

1. Go to [/support](/support) and sign in, or create a customer account first.
2. Choose **New ticket** and pick the category that fits best: **Damaged**, **Lost**, **Late**, **Quality** or **Other**.
3. Write a short subject and describe the problem. Add the **delivery ID** if the request is about a shipment.
4. Choose the priority. **High** is for urgent cases such as perishable goods or fixed deadlines.

You receive a ticket reference such as `SUP-000123`. The ticket is assigned to a support agent automatically, and you are notified whenever its status changes. Please search this FAQ first: many questions are answered here straight away.$a$),
(gen_random_uuid(), 'open-ticket', 'de', 'SUPPORT', 110, true, now(), now(),
 'Wie erreiche ich den logiShift-Support?',
 $a$Der Support arbeitet mit Tickets – so wird jede Anfrage nachverfolgt und nichts geht verloren:

1. Gehen Sie zu [/support](/support) und melden Sie sich an, oder legen Sie zuerst ein Kundenkonto an.
2. Wählen Sie **Neues Ticket** und die passende Kategorie: **Beschädigt** (Damaged), **Verloren** (Lost), **Verspätet** (Late), **Qualität** (Quality) oder **Sonstiges** (Other).
3. Geben Sie einen kurzen Betreff ein und beschreiben Sie das Problem. Geht es um eine Sendung, geben Sie die **Sendungsnummer** an.
4. Wählen Sie die Priorität. **Hoch** (High) ist für dringende Fälle gedacht, etwa verderbliche Waren oder feste Fristen.

Sie erhalten eine Ticketnummer wie `SUP-000123`. Das Ticket wird automatisch einem Support-Mitarbeiter zugewiesen, und Sie werden bei jeder Statusänderung benachrichtigt. Durchsuchen Sie bitte zuerst diese FAQ – viele Fragen sind hier sofort beantwortet.$a$),
(gen_random_uuid(), 'open-ticket', 'fr', 'SUPPORT', 110, true, now(), now(),
 'Comment contacter le support logiShift ?',
 $a$Le support fonctionne par tickets, afin que chaque demande soit suivie et que rien ne se perde :

1. Rendez-vous sur [/support](/support) et connectez-vous, ou créez d'abord un compte client.
2. Choisissez **Nouveau ticket** et la catégorie la plus adaptée : **Endommagé** (Damaged), **Perdu** (Lost), **En retard** (Late), **Qualité** (Quality) ou **Autre** (Other).
3. Saisissez un objet court et décrivez le problème. Ajoutez le **numéro de livraison** si la demande concerne un envoi.
4. Choisissez la priorité. **Haute** (High) est réservée aux cas urgents, comme les denrées périssables ou les échéances fixes.

Vous recevez une référence de ticket du type `SUP-000123`. Le ticket est attribué automatiquement à un agent du support, et vous êtes averti à chaque changement de statut. Consultez d'abord cette FAQ : de nombreuses questions y trouvent une réponse immédiate.$a$),

-- 120 -----------------------------------------------------------------------------------------
(gen_random_uuid(), 'ticket-status', 'en', 'SUPPORT', 120, true, now(), now(),
 'What do the ticket statuses mean, and in which order are tickets handled?',
 $a$Your ticket moves through these statuses:

| Status | Meaning |
|---|---|
| **Open** | Received and waiting for an agent to start work. |
| **In progress** | An agent is working on your request. |
| **On hold** | We are waiting for something, often information from you or from the sender. |
| **Resolved** | The agent considers the problem solved. Please let us know how we did. |
| **Closed** | The case is finished. |

Tickets are handled by priority and then in the order they arrived. You are notified about every status change, so there is no need to open a second ticket for the same problem.$a$),
(gen_random_uuid(), 'ticket-status', 'de', 'SUPPORT', 120, true, now(), now(),
 'Was bedeuten die Ticketstatus und in welcher Reihenfolge werden Tickets bearbeitet?',
 $a$Ihr Ticket durchläuft diese Status:

| Status | Bedeutung |
|---|---|
| **Offen** (Open) | Eingegangen und wartet darauf, dass ein Mitarbeiter es bearbeitet. |
| **In Bearbeitung** (In progress) | Ein Mitarbeiter kümmert sich um Ihre Anfrage. |
| **Wartend** (On hold) | Wir warten auf etwas, oft auf Informationen von Ihnen oder vom Absender. |
| **Gelöst** (Resolved) | Der Mitarbeiter betrachtet das Problem als gelöst. Sagen Sie uns gern, wie zufrieden Sie waren. |
| **Geschlossen** (Closed) | Der Fall ist abgeschlossen. |

Tickets werden nach Priorität und dann in der Reihenfolge ihres Eingangs bearbeitet. Sie werden bei jeder Statusänderung benachrichtigt – ein zweites Ticket zum selben Problem ist also nicht nötig.$a$),

-- 130 -----------------------------------------------------------------------------------------
(gen_random_uuid(), 'support-feedback', 'en', 'SUPPORT', 130, true, now(), now(),
 'Can I rate the help I received? What if my problem is not solved?',
 $a$Yes. When an agent marks your ticket as **Resolved**, you can rate the support from 1 to 5 stars and add a comment. Your feedback closes the ticket and helps us improve.

If the problem is **not** solved, do not rate it as resolved: open a new ticket at [/support](/support) and mention the reference of the previous one (for example `SUP-000123`), so the agent sees the whole history.$a$),
(gen_random_uuid(), 'support-feedback', 'de', 'SUPPORT', 130, true, now(), now(),
 'Kann ich die Hilfe bewerten, die ich bekommen habe? Was, wenn mein Problem nicht gelöst ist?',
 $a$Ja. Sobald ein Mitarbeiter Ihr Ticket als **Gelöst** markiert, können Sie den Support mit 1 bis 5 Sternen bewerten und einen Kommentar hinzufügen. Ihre Bewertung schließt das Ticket und hilft uns, besser zu werden.

Ist das Problem **nicht** gelöst, bewerten Sie es bitte nicht als erledigt: Eröffnen Sie unter [/support](/support) ein neues Ticket und nennen Sie die Nummer des vorherigen (zum Beispiel `SUP-000123`), damit der Mitarbeiter den ganzen Verlauf sieht.$a$),

-- 140 -----------------------------------------------------------------------------------------
(gen_random_uuid(), 'customer-account', 'en', 'ACCOUNT', 140, true, now(), now(),
 'Do I need an account to get support, and where do I see my tickets?',
 $a$You can read this FAQ without an account. To open a ticket and follow it, you need a customer account: sign up at [/support](/support) with your name, email address and a password. If you already use a logiShift login, you can use it here as well.

After signing in, **My tickets** lists all your tickets with their current status. Only you and the support team can see them.$a$),
(gen_random_uuid(), 'customer-account', 'de', 'ACCOUNT', 140, true, now(), now(),
 'Brauche ich ein Konto für den Support und wo sehe ich meine Tickets?',
 $a$Diese FAQ können Sie ohne Konto lesen. Um ein Ticket zu eröffnen und zu verfolgen, brauchen Sie ein Kundenkonto: Registrieren Sie sich unter [/support](/support) mit Name, E-Mail-Adresse und Passwort. Wenn Sie bereits ein logiShift-Login nutzen, können Sie es auch hier verwenden.

Nach der Anmeldung zeigt **Meine Tickets** alle Ihre Tickets mit ihrem aktuellen Status. Nur Sie und das Support-Team können sie sehen.$a$);
