#!/usr/bin/env python3
"""Writes the sample inbox of the e-mail triage example (src/main/resources/triage/inbox.jsonl).

The messages are written for this project: hand-written templates per category and language, filled with seeded
choices of names, products and amounts. Each line carries its true labels (spam, category, language) and whether the
demo gives feedback for it. Run again to regenerate the same file: python3 tools/make_inbox.py
"""
import json
import random
from pathlib import Path

rng = random.Random(20261126)
NAMES = ["Ana Silva", "Ben Carter", "Chloe Martin", "David Kim", "Emma Rossi", "Farid Haddad", "Grace Liu",
         "Hugo Meyer", "Ines Costa", "Jonas Berg", "Kira Novak", "Liam O'Neill", "Maya Patel", "Noah Fischer"]
PRODUCTS = ["Pro plan", "Team plan", "mobile app", "desktop client", "API", "analytics add-on", "starter plan"]
AMOUNTS = ["$49.00", "$129.50", "$12.99", "$310.00", "$89.90", "EUR 75.00"]

EN = {
    "billing": [
        ("Invoice {n} looks wrong", "Hello,\nInvoice {n} charges me {amount} for the {product}, but I cancelled last month. Could you correct the invoice and refund the difference?\nThanks,\n{name}"),
        ("Charged twice this month", "Hi team,\nMy card was charged twice ({amount} each) for the {product}. Please refund one of the payments.\nRegards,\n{name}"),
        ("Need a copy of my receipt", "Hello,\nCould you send me the receipt for my last payment of {amount}? Our accounting department needs it for the audit.\n{name}"),
        ("Change billing address", "Hi,\nWe moved offices. Please update the billing address on our invoices and send a corrected invoice {n}.\nBest,\n{name}"),
        ("Refund request", "Hello,\nI upgraded to the {product} by mistake and was billed {amount}. I would like a refund, please.\n{name}"),
    ],
    "technical": [
        ("App crashes on start", "Hi,\nSince the last update the {product} crashes as soon as I open it. I reinstalled it twice and still get the same error.\n{name}"),
        ("Error 500 when exporting", "Hello,\nExporting a report from the {product} fails with an error 500 every time. It worked fine yesterday. Can you look into it?\n{name}"),
        ("Sync not working", "Hi support,\nMy data does not sync between the {product} and the web version any more. I see a spinning wheel forever.\nThanks,\n{name}"),
        ("API returns timeouts", "Hello,\nOur integration with your API has been timing out since this morning, about one request in five. Is there an outage?\n{name}"),
        ("Bug in the search", "Hi,\nThe search in the {product} returns no results for words with accents. Looks like a bug to me.\n{name}"),
    ],
    "account": [
        ("Cannot log in", "Hello,\nI cannot log in to my account: the password reset e-mail never arrives. Please help, I need access today.\n{name}"),
        ("Please delete my account", "Hi,\nPlease close my account and delete my personal data. I no longer use the {product}.\n{name}"),
        ("Add a user to our team", "Hello,\nHow do I add a new colleague to our account? The invite button is greyed out on the {product}.\n{name}"),
        ("Change the account owner", "Hi,\nOur account owner left the company. Can you transfer ownership of the account to me?\nThanks,\n{name}"),
        ("Two-factor authentication lost", "Hello,\nI lost my phone and cannot pass the two-factor authentication. How can I recover my account?\n{name}"),
    ],
    "sales": [
        ("Pricing for 50 seats", "Hello,\nWe are evaluating the {product} for a team of 50. Could you send us a quote and tell us about volume discounts?\n{name}"),
        ("Request a demo", "Hi,\nI would like to book a demo of the {product} for my manager next week. What times are available?\n{name}"),
        ("Enterprise plan questions", "Hello,\nDoes the enterprise plan include single sign-on and a data processing agreement? We may sign this quarter.\n{name}"),
        ("Upgrade options", "Hi,\nWe are on the starter plan and are thinking of upgrading. What would the {product} cost per year?\n{name}"),
        ("Partnership proposal", "Hello,\nWe resell software in the Nordics and would like to discuss becoming a partner for the {product}.\n{name}"),
    ],
    "other": [
        ("Thank you!", "Hi,\nJust wanted to say thank you for the quick help last week. The {product} works great now.\n{name}"),
        ("Feedback on the new design", "Hello,\nI like the new design of the {product}, although the buttons are a bit small on my screen.\n{name}"),
        ("Office closed on Friday?", "Hi,\nIs your office open on Friday? I wanted to drop by to pick up the documents.\n{name}"),
        ("Conference talk", "Hello,\nI enjoyed your talk at the conference. Would you share the slides?\nBest,\n{name}"),
    ],
}
SPAM_EN = [
    ("You are a WINNER!!!", "Congratulations! You have won a FREE cruise. Click here now to claim your prize before midnight: http://win-prize.example"),
    ("Urgent: verify your account", "Dear customer, your account will be suspended. Verify your password immediately at http://secure-login.example to avoid closure."),
    ("Cheap meds, no prescription", "Best prices on pills!!! No prescription needed, discreet shipping worldwide. Order now and save 80%."),
    ("Make $5000 a week from home", "Work from home and earn $5000 every week with this one simple trick. Limited spots, reply YES now!"),
    ("Your parcel is waiting", "Your package could not be delivered. Pay the 1.99 customs fee at http://parcel-fee.example within 24 hours."),
    ("Investment opportunity", "Guaranteed 300% returns with our crypto fund. Act fast, only 10 places left. Send your bank details to join."),
    ("Hot singles in your area", "Meet attractive singles near you tonight. Free registration, click the link!!!"),
    ("Lottery claim notice", "Your e-mail address won 1,000,000 USD in the international lottery. Send your full name and bank account to claim."),
]
OTHER_LANGS = {
    "fr": [("billing", "Facture incorrecte", "Bonjour,\nLa facture {n} me facture {amount} alors que j'ai résilié mon abonnement le mois dernier. Pouvez-vous la corriger et me rembourser ?\nCordialement,\n{name}"),
           ("technical", "L'application plante", "Bonjour,\nDepuis la dernière mise à jour, l'application plante dès que je l'ouvre. J'ai réinstallé deux fois sans succès.\n{name}"),
           ("account", "Impossible de me connecter", "Bonjour,\nJe n'arrive plus à me connecter à mon compte et l'e-mail de réinitialisation du mot de passe n'arrive jamais.\n{name}"),
           ("sales", "Demande de devis", "Bonjour,\nNous souhaitons un devis pour cinquante utilisateurs et des informations sur les remises.\nMerci,\n{name}")],
    "de": [("billing", "Rechnung falsch", "Hallo,\ndie Rechnung {n} berechnet mir {amount}, obwohl ich letzten Monat gekündigt habe. Bitte korrigieren Sie die Rechnung.\nViele Grüße,\n{name}"),
           ("technical", "Fehler beim Export", "Hallo,\nder Export eines Berichts schlägt jedes Mal mit einem Fehler fehl. Gestern hat es noch funktioniert.\n{name}"),
           ("account", "Konto löschen", "Hallo,\nbitte löschen Sie mein Konto und alle meine persönlichen Daten.\nDanke,\n{name}"),
           ("sales", "Demo anfragen", "Hallo,\nich möchte nächste Woche eine Demo für mein Team buchen. Welche Termine sind frei?\n{name}")],
    "es": [("billing", "Cobro duplicado", "Hola,\nme han cobrado dos veces {amount} este mes. Por favor, devuélvanme uno de los pagos.\nSaludos,\n{name}"),
           ("technical", "La sincronización no funciona", "Hola,\nmis datos ya no se sincronizan entre la aplicación y la versión web. Solo veo una rueda girando.\n{name}"),
           ("account", "No puedo iniciar sesión", "Hola,\nno puedo entrar en mi cuenta y el correo para restablecer la contraseña no llega nunca.\n{name}"),
           ("sales", "Precio para cincuenta usuarios", "Hola,\nestamos evaluando su producto para un equipo de cincuenta personas. ¿Podrían enviarnos un presupuesto?\n{name}")],
}


def fill(text):
    name = rng.choice(NAMES)
    return text.format(n=f"INV-{rng.randint(10000, 99999)}", amount=rng.choice(AMOUNTS),
                       product=rng.choice(PRODUCTS), name=name), name


messages = []
for category, templates in EN.items():
    for _ in range(7 if category != "other" else 6):
        for subject, body in templates:
            text, name = fill(body)
            messages.append({"subject": subject, "body": text, "from": name.split()[0].lower() + "@example.com",
                             "spam": False, "category": category, "language": "en"})
for subject, body in SPAM_EN:
    for i in range(4):
        messages.append({"subject": subject, "body": body, "from": f"promo{rng.randint(1, 999)}@deals.example",
                         "spam": True, "category": "other", "language": "en"})
for lang, templates in OTHER_LANGS.items():
    for category, subject, body in templates:
        for _ in range(2):
            text, name = fill(body)
            messages.append({"subject": subject, "body": text, "from": name.split()[0].lower() + "@example.com",
                             "spam": False, "category": category, "language": lang})
rng.shuffle(messages)
out = Path(__file__).resolve().parent.parent / "src/main/resources/triage/inbox.jsonl"
with out.open("w", encoding="utf-8") as f:
    for i, m in enumerate(messages):
        m = {"id": f"msg-{i + 1:03d}", **m, "feedback": rng.random() < 0.6}
        f.write(json.dumps(m, ensure_ascii=False) + "\n")
print(f"wrote {len(messages)} messages to {out}")
