<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Qt for Python: windows, widgets, images</source>
        <translation>Qt für Python: Fenster, Bedienelemente, Bilder</translation>
    </message>
    <message>
        <source>Qt and asyncio in one event loop</source>
        <translation>Qt und asyncio in einer Ereignisschleife</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>HTTP connections (used by requests)</source>
        <translation>HTTP-Verbindungen (für requests)</translation>
    </message>
    <message>
        <source>Trusted certificate authorities</source>
        <translation>Vertrauenswürdige Zertifizierungsstellen</translation>
    </message>
    <message>
        <source>The system&apos;s trusted certificates</source>
        <translation>Die vertrauenswürdigen Zertifikate des Systems</translation>
    </message>
    <message>
        <source>The system keychain</source>
        <translation>Der Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>Reading and writing image files</source>
        <translation>Bilddateien lesen und schreiben</translation>
    </message>
    <message>
        <source>The built-in demo server</source>
        <translation>Der eingebaute Demo-Server</translation>
    </message>
    <message>
        <source>About neuroflash Desktop</source>
        <translation>Über neuroflash Desktop</translation>
    </message>
    <message>
        <source>Generate, browse, edit and drag out images with the neuroflash API.&lt;br&gt;Qt {qt}, PySide6 {pyside}. Qt and PySide6 are used under the GNU LGPL version 3; you may replace them with your own build.</source>
        <translation>Bilder mit der neuroflash-API erzeugen, durchsuchen, bearbeiten und herausziehen.&lt;br&gt;Qt {qt}, PySide6 {pyside}. Qt und PySide6 werden unter der GNU LGPL Version 3 genutzt; du darfst sie durch einen eigenen Build ersetzen.</translation>
    </message>
    <message>
        <source>Libraries included, and their licences:</source>
        <translation>Enthaltene Bibliotheken und ihre Lizenzen:</translation>
    </message>
</context>
<context>
    <name>BeforeAfter</name>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>Show the image before the edit (B)</source>
        <translation>Das Bild vor der Bearbeitung zeigen (B)</translation>
    </message>
    <message>
        <source>Made from “{prompt}”</source>
        <translation>Entstanden aus „{prompt}“</translation>
    </message>
    <message>
        <source>Made from an earlier image</source>
        <translation>Entstanden aus einem früheren Bild</translation>
    </message>
    <message>
        <source>Edit: {instruction}</source>
        <translation>Bearbeitung: {instruction}</translation>
    </message>
    <message>
        <source>Before the edit · B shows the result</source>
        <translation>Vor der Bearbeitung · B zeigt das Ergebnis</translation>
    </message>
    <message>
        <source>Loading the image before the edit…</source>
        <translation>Das Bild vor der Bearbeitung wird geladen…</translation>
    </message>
    <message>
        <source>The image before the edit could not be shown.</source>
        <translation>Das Bild vor der Bearbeitung konnte nicht angezeigt werden.</translation>
    </message>
</context>
<context>
    <name>ByoJobs</name>
    <message>
        <source>Upscale {scale}×</source>
        <translation>Hochskalieren {scale}×</translation>
    </message>
    <message>
        <source>Pasted image</source>
        <translation>Eingefügtes Bild</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Masked edit</source>
        <translation>Teilbearbeitung</translation>
    </message>
</context>
<context>
    <name>ByoWiring</name>
    <message>
        <source>Import Images…</source>
        <translation>Bilder importieren…</translation>
    </message>
    <message>
        <source>Paste Image to Import</source>
        <translation>Bild zum Importieren einfügen</translation>
    </message>
    <message>
        <source>The clipboard holds no image or image file to import.</source>
        <translation>In der Zwischenablage ist kein Bild und keine Bilddatei zum Importieren.</translation>
    </message>
    <message>
        <source>Edit Part of Image…</source>
        <translation>Teil des Bildes bearbeiten…</translation>
    </message>
    <message>
        <source>Upscale</source>
        <translation>Hochskalieren</translation>
    </message>
    <message>
        <source>Edit Part of Image… ({reason})</source>
        <translation>Teil des Bildes bearbeiten… ({reason})</translation>
    </message>
    <message>
        <source>1 credit</source>
        <translation>1 Credit</translation>
    </message>
    <message>
        <source>{count} credits</source>
        <translation>{count} Credits</translation>
    </message>
    <message>
        <source>{action} ({cost})</source>
        <translation>{action} ({cost})</translation>
    </message>
    <message>
        <source>{action} ({reason})</source>
        <translation>{action} ({reason})</translation>
    </message>
    <message>
        <source>Edit Part…</source>
        <translation>Teil bearbeiten…</translation>
    </message>
    <message>
        <source>Upscale…</source>
        <translation>Hochskalieren…</translation>
    </message>
    <message>
        <source>Upscaled image added.</source>
        <translation>Hochskaliertes Bild hinzugefügt.</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>This image could not be opened.</source>
        <translation>Dieses Bild konnte nicht geöffnet werden.</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>The image catalogue was damaged and is being rebuilt from neuroflash.</source>
        <translation>Der Bildkatalog war beschädigt und wird gerade aus neuroflash neu aufgebaut.</translation>
    </message>
    <message>
        <source>The image catalogue is damaged. It will be rebuilt from neuroflash at the next start.</source>
        <translation>Der Bildkatalog ist beschädigt. Er wird beim nächsten Start aus neuroflash neu aufgebaut.</translation>
    </message>
</context>
<context>
    <name>CollectionList</name>
    <message>
        <source>Collections</source>
        <translation>Sammlungen</translation>
    </message>
</context>
<context>
    <name>CollectionsPanel</name>
    <message>
        <source>Collections</source>
        <translation>Sammlungen</translation>
    </message>
    <message>
        <source>New collection</source>
        <translation>Neue Sammlung</translation>
    </message>
    <message>
        <source>Add to Collection</source>
        <translation>Zu Sammlung hinzufügen</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Delete Collection</source>
        <translation>Sammlung löschen</translation>
    </message>
    <message>
        <source>Rename or delete the selected collection</source>
        <translation>Ausgewählte Sammlung umbenennen oder löschen</translation>
    </message>
    <message>
        <source>Collection actions</source>
        <translation>Aktionen für Sammlungen</translation>
    </message>
    <message>
        <source>No collections yet. Press + to make one, then drag images onto it.</source>
        <translation>Noch keine Sammlungen. Mit + eine anlegen, dann Bilder darauf ziehen.</translation>
    </message>
    <message>
        <source>{0} ({1}): click to show its images, drop images on it to add them. Double-click to rename; right-click to rename or delete.</source>
        <translation>{0} ({1}): Klicken zeigt ihre Bilder, Bilder darauf ziehen fügt sie hinzu. Doppelklick benennt um; Rechtsklick zum Umbenennen oder Löschen.</translation>
    </message>
    <message>
        <source>Delete the collection “{name}”? Its images stay in your history.</source>
        <translation>Die Sammlung „{name}“ löschen? Ihre Bilder bleiben in deinem Verlauf.</translation>
    </message>
    <message>
        <source>Delete Collection…</source>
        <translation>Sammlung löschen…</translation>
    </message>
    <message>
        <source>New Collection</source>
        <translation>Neue Sammlung</translation>
    </message>
</context>
<context>
    <name>Cooldown</name>
    <message>
        <source>Too many requests.</source>
        <translation>Zu viele Anfragen.</translation>
    </message>
    <message>
        <source>{prefix} You can try again in {seconds} s.</source>
        <translation>{prefix} Neuer Versuch in {seconds} s möglich.</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n Bild</numerusform>
            <numerusform>%n Bilder</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrashGuard</name>
    <message>
        <source>Something went wrong inside the app. It keeps running, but your last step may not have finished.</source>
        <translation>In der App ist etwas schiefgelaufen. Sie läuft weiter, aber dein letzter Schritt ist vielleicht nicht fertig geworden.</translation>
    </message>
    <message>
        <source>Open report</source>
        <translation>Bericht öffnen</translation>
    </message>
    <message>
        <source>The app ran into a problem last time; a report for support was saved (without passwords or tokens).</source>
        <translation>Beim letzten Mal ist in der App ein Problem aufgetreten; ein Bericht für den Support wurde gespeichert (ohne Passwörter oder Tokens).</translation>
    </message>
</context>
<context>
    <name>CreditText</name>
    <message numerus="yes">
        <source>%n credit(s)</source>
        <translation>
            <numerusform>%n Credit</numerusform>
            <numerusform>%n Credits</numerusform>
        </translation>
    </message>
    <message>
        <source>Uses {credits}.</source>
        <translation>Verbraucht {credits}.</translation>
    </message>
    <message>
        <source>Not enough credits for this and the queued jobs: {left} left, {needed} needed.</source>
        <translation>Nicht genug Credits für diesen und die wartenden Aufträge: {left} übrig, {needed} nötig.</translation>
    </message>
    <message>
        <source>Not enough credits: {left} left, {needed} needed.</source>
        <translation>Nicht genug Credits: {left} übrig, {needed} nötig.</translation>
    </message>
    <message>
        <source>Uses {credits} · then {left} left today</source>
        <translation>Verbraucht {credits} · danach heute noch {left} übrig</translation>
    </message>
    <message>
        <source>Uses {credits} · then {left} left this billing cycle</source>
        <translation>Verbraucht {credits} · danach noch {left} in diesem Abrechnungszeitraum</translation>
    </message>
</context>
<context>
    <name>CreditWayOut</name>
    <message>
        <source>Generate {count} instead</source>
        <translation>Stattdessen {count} generieren</translation>
    </message>
    <message>
        <source>Set the number of images to what your credits allow</source>
        <translation>Die Anzahl der Bilder auf das setzen, was deine Credits erlauben</translation>
    </message>
    <message>
        <source>Switch to {workspace} ({count} credits left)</source>
        <translation>Zu {workspace} wechseln ({count} Credits übrig)</translation>
    </message>
</context>
<context>
    <name>Curation</name>
    <message>
        <source>Favourite</source>
        <translation>Favorit</translation>
    </message>
    <message>
        <source>Rate {0}</source>
        <translation>Mit {0} bewerten</translation>
    </message>
    <message>
        <source>Clear Rating</source>
        <translation>Bewertung entfernen</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>Demo mode</source>
        <translation>Demo-Modus</translation>
    </message>
    <message>
        <source>Demo: nothing here reaches neuroflash or uses your credits.</source>
        <translation>Demo: Nichts hier erreicht neuroflash oder verbraucht deine Credits.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Sign in to neuroflash</source>
        <translation>Bei neuroflash anmelden</translation>
    </message>
    <message>
        <source>Leave the demo and sign in with your account</source>
        <translation>Die Demo verlassen und mit deinem Konto anmelden</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Hide the details (Ctrl+I)</source>
        <translation>Details ausblenden (Strg+I)</translation>
    </message>
    <message>
        <source>Hide the details</source>
        <translation>Details ausblenden</translation>
    </message>
    <message>
        <source>Select an image to see its details.</source>
        <translation>Wähle ein Bild, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>Seitenverhältnis</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Source image</source>
        <translation>Ausgangsbild</translation>
    </message>
    <message>
        <source>Credits spent</source>
        <translation>Verbrauchte Credits</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Sammlungen</translation>
    </message>
    <message>
        <source>Use These Settings</source>
        <translation>Diese Einstellungen verwenden</translation>
    </message>
    <message>
        <source>Put this image&apos;s prompt, model and ratio into the Create panel</source>
        <translation>Prompt, Modell und Seitenverhältnis dieses Bildes in den Erstellen-Bereich übernehmen</translation>
    </message>
    <message>
        <source>Copy Prompt</source>
        <translation>Prompt kopieren</translation>
    </message>
    <message>
        <source>{images} selected. Select one to see its details.</source>
        <translation>{images} ausgewählt. Wähle eines, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>(no prompt)</source>
        <translation>(kein Prompt)</translation>
    </message>
    <message>
        <source>Show the source image</source>
        <translation>Ausgangsbild zeigen</translation>
    </message>
    <message>
        <source>The source image is not in this view.</source>
        <translation>Das Ausgangsbild ist in dieser Ansicht nicht enthalten.</translation>
    </message>
</context>
<context>
    <name>DragOut</name>
    <message>
        <source>Getting the full-size image… drag again in a moment.</source>
        <translation>Das Bild in voller Größe wird geladen … gleich noch einmal ziehen.</translation>
    </message>
    <message>
        <source>Couldn&apos;t prepare the files to drag: {reason}</source>
        <translation>Die Dateien zum Ziehen konnten nicht vorbereitet werden: {reason}</translation>
    </message>
    <message>
        <source>Couldn&apos;t download the full-size image: {reason}</source>
        <translation>Das Bild in voller Größe konnte nicht geladen werden: {reason}</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <source>Edit image</source>
        <translation>Bild bearbeiten</translation>
    </message>
    <message>
        <source>The image to edit</source>
        <translation>Das zu bearbeitende Bild</translation>
    </message>
    <message>
        <source>Loading the image…</source>
        <translation>Das Bild wird geladen…</translation>
    </message>
    <message>
        <source>({keys} sends, {enter} adds a line)</source>
        <translation>({keys} sendet, {enter} beginnt eine neue Zeile)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Aspect ratio</source>
        <translation>Seitenverhältnis</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>neuroflash&apos;s default</source>
        <translation>Standard von neuroflash</translation>
    </message>
    <message>
        <source>Untitled image</source>
        <translation>Bild ohne Titel</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Vorlage</translation>
    </message>
    <message numerus="yes">
        <source>Uses %n credit(s).</source>
        <translation>
            <numerusform>Verbraucht %n Credit.</numerusform>
            <numerusform>Verbraucht %n Credits.</numerusform>
        </translation>
    </message>
    <message>
        <source>How should the image change?</source>
        <translation>Wie soll sich das Bild ändern?</translation>
    </message>
    <message>
        <source>How should it change? e.g. Make the sky a deep sunset orange</source>
        <translation>Was soll sich ändern? z. B. Färbe den Himmel in tiefes Abendrot</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Edit: {instruction}</source>
        <translation>Bearbeitung: {instruction}</translation>
    </message>
    <message>
        <source>Same as the source</source>
        <translation>Wie die Vorlage</translation>
    </message>
    <message>
        <source>Too long: {count} of {limit} characters.</source>
        <translation>Zu lang: {count} von {limit} Zeichen.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Pick an image to edit first.</source>
        <translation>Wähle zuerst ein Bild zum Bearbeiten aus.</translation>
    </message>
    <message>
        <source>This image has no address.</source>
        <translation>Dieses Bild hat keine Adresse.</translation>
    </message>
    <message>
        <source>This image&apos;s address is not secure, so it was not downloaded.</source>
        <translation>Die Adresse dieses Bildes ist nicht sicher, daher wurde es nicht heruntergeladen.</translation>
    </message>
    <message>
        <source>The downloaded file is not an image. Try again later.</source>
        <translation>Die heruntergeladene Datei ist kein Bild. Versuche es später noch einmal.</translation>
    </message>
    <message>
        <source>The image arrived incomplete, so it was not kept. Try again.</source>
        <translation>Das Bild kam unvollständig an und wurde verworfen. Versuche es noch einmal.</translation>
    </message>
    <message>
        <source>Images can be upscaled 2× or 4×.</source>
        <translation>Bilder lassen sich 2× oder 4× vergrößern.</translation>
    </message>
    <message>
        <source>Write a prompt first.</source>
        <translation>Schreibe zuerst einen Prompt.</translation>
    </message>
    <message>
        <source>Pick an image first.</source>
        <translation>Wähle zuerst ein Bild aus.</translation>
    </message>
    <message>
        <source>That workspace can&apos;t be used. Pick another.</source>
        <translation>Dieser Arbeitsbereich kann nicht verwendet werden. Wähle einen anderen.</translation>
    </message>
    <message>
        <source>Something went wrong while talking to neuroflash.</source>
        <translation>Bei der Verbindung mit neuroflash ist etwas schiefgelaufen.</translation>
    </message>
    <message>
        <source>The client ID or secret is not right. Check them in neuroflash under Service Accounts.</source>
        <translation>Client-ID oder Secret stimmen nicht. Prüfe sie in neuroflash unter „Service Accounts“.</translation>
    </message>
    <message>
        <source>You have used today&apos;s image credits. They renew at midnight UTC.</source>
        <translation>Die Bild-Credits für heute sind aufgebraucht. Sie erneuern sich um Mitternacht (UTC).</translation>
    </message>
    <message>
        <source>You have used all image credits for this billing cycle. They renew when the next cycle starts, or you can upgrade your plan.</source>
        <translation>Alle Bild-Credits dieses Abrechnungszeitraums sind aufgebraucht. Sie erneuern sich mit dem nächsten Zeitraum – oder du wechselst in einen größeren Plan.</translation>
    </message>
    <message>
        <source>This workspace&apos;s plan does not include that image model. Pick another model.</source>
        <translation>Der Plan dieses Arbeitsbereichs enthält dieses Bildmodell nicht. Wähle ein anderes Modell.</translation>
    </message>
    <message>
        <source>Too many requests at once. Try again in 1 second.</source>
        <translation>Zu viele Anfragen auf einmal. Versuche es in 1 Sekunde noch einmal.</translation>
    </message>
    <message>
        <source>Too many requests at once. Wait a moment and try again.</source>
        <translation>Zu viele Anfragen auf einmal. Warte kurz und versuche es dann noch einmal.</translation>
    </message>
    <message>
        <source>Your service account may not do this in this workspace. Ask a workspace admin.</source>
        <translation>Dein Service Account darf das in diesem Arbeitsbereich nicht. Frag eine Person mit Admin-Rechten.</translation>
    </message>
    <message>
        <source>neuroflash could not find that. It may have been deleted.</source>
        <translation>neuroflash hat das nicht gefunden. Vielleicht wurde es gelöscht.</translation>
    </message>
    <message>
        <source>neuroflash did not accept this request.</source>
        <translation>neuroflash hat diese Anfrage nicht angenommen.</translation>
    </message>
    <message>
        <source>neuroflash is having trouble right now. Try again in a moment.</source>
        <translation>neuroflash hat gerade Probleme. Versuche es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Can&apos;t reach neuroflash. Check your internet connection.</source>
        <translation>neuroflash ist nicht erreichbar. Prüfe deine Internetverbindung.</translation>
    </message>
    <message>
        <source>neuroflash sent an answer the app could not read. Try again, or update the app.</source>
        <translation>neuroflash hat eine Antwort geschickt, die die App nicht lesen kann. Versuche es noch einmal oder aktualisiere die App.</translation>
    </message>
    <message>
        <source>The neuroflash address must start with https:// (plain http is only allowed to this computer).</source>
        <translation>Die neuroflash-Adresse muss mit https:// beginnen (einfaches http ist nur zu diesem Computer erlaubt).</translation>
    </message>
    <message>
        <source>This image is far larger than any real one, so the app did not open it.</source>
        <translation>Dieses Bild ist weit größer als jedes echte Bild, deshalb hat die App es nicht geöffnet.</translation>
    </message>
    <message>
        <source>neuroflash is still working on your images. They will appear when ready.</source>
        <translation>neuroflash arbeitet noch an deinen Bildern. Sie erscheinen, sobald sie fertig sind.</translation>
    </message>
    <message>
        <source>Stopped waiting. The credits are spent and your images will appear when they are ready.</source>
        <translation>Warten beendet. Die Credits sind verbraucht, und deine Bilder erscheinen, sobald sie fertig sind.</translation>
    </message>
    <message>
        <source>neuroflash is taking longer than usual. Your images will appear when they are ready: refresh in a while.</source>
        <translation>neuroflash braucht länger als sonst. Deine Bilder erscheinen, sobald sie fertig sind: aktualisiere später.</translation>
    </message>
    <message>
        <source>Your sign-in is no longer valid. Sign in again with your client ID and secret.</source>
        <translation>Deine Anmeldung ist nicht mehr gültig. Melde dich mit Client-ID und Secret erneut an.</translation>
    </message>
    <message>
        <source>neuroflash&apos;s sign-in service can&apos;t be found right now. Try again later.</source>
        <translation>Der Anmeldedienst von neuroflash ist gerade nicht erreichbar. Versuche es später noch einmal.</translation>
    </message>
    <message>
        <source>Your service account can&apos;t use this workspace. Pick another workspace.</source>
        <translation>Dein Service Account kann diesen Arbeitsbereich nicht nutzen. Wähle einen anderen Arbeitsbereich.</translation>
    </message>
    <message>
        <source>The connection dropped after neuroflash received the request. Your images may still arrive: refresh in a moment.</source>
        <translation>Die Verbindung brach ab, nachdem neuroflash die Anfrage erhalten hatte. Deine Bilder kommen vielleicht noch: aktualisiere gleich.</translation>
    </message>
    <message>
        <source>neuroflash took too long to answer. Your images may still arrive: refresh in a moment.</source>
        <translation>neuroflash hat zu lange nicht geantwortet. Deine Bilder kommen vielleicht noch: aktualisiere gleich.</translation>
    </message>
    <message>
        <source>The connection dropped before neuroflash answered. Refresh to see whether it went through.</source>
        <translation>Die Verbindung brach ab, bevor neuroflash antwortete. Aktualisiere, um zu sehen, ob es geklappt hat.</translation>
    </message>
    <message>
        <source>neuroflash sent far more data than expected, so the app stopped reading it.</source>
        <translation>neuroflash hat viel mehr Daten geschickt als erwartet, daher hat die App das Lesen abgebrochen.</translation>
    </message>
    <message>
        <source>neuroflash took too long to answer. Check your connection and try again.</source>
        <translation>neuroflash hat zu lange nicht geantwortet. Prüfe deine Verbindung und versuche es noch einmal.</translation>
    </message>
    <message>
        <source>The proxy server asks for a user name and password. Enter the ones your IT department gave you in Settings, under Proxy.</source>
        <translation>Der Proxyserver verlangt einen Benutzernamen und ein Passwort. Gib die Angaben deiner IT-Abteilung unter Einstellungen, Proxy ein.</translation>
    </message>
    <message>
        <source>The proxy server did not accept your user name and password. Check them in Settings, under Proxy, or ask your IT department.</source>
        <translation>Der Proxyserver hat deinen Benutzernamen und dein Passwort nicht akzeptiert. Prüfe sie unter Einstellungen, Proxy, oder frag deine IT-Abteilung.</translation>
    </message>
    <message>
        <source>Can&apos;t reach the proxy server. Check the proxy in Settings (or your system&apos;s proxy settings) and your connection.</source>
        <translation>Der Proxyserver ist nicht erreichbar. Prüfe den Proxy in den Einstellungen (oder die Proxy-Einstellungen deines Systems) und deine Verbindung.</translation>
    </message>
    <message>
        <source>The certificate of the neuroflash server is not trusted by this computer, so the app did not connect. If your company checks secure connections, ask your IT department to add its certificate to the system&apos;s certificate store. Otherwise the network may be intercepting the connection: try another one.</source>
        <translation>Dieser Computer vertraut dem Zertifikat des neuroflash-Servers nicht, deshalb hat die App keine Verbindung aufgebaut. Wenn deine Firma sichere Verbindungen prüft, bitte deine IT-Abteilung, ihr Zertifikat in den Zertifikatspeicher des Systems aufzunehmen. Andernfalls fängt das Netzwerk die Verbindung möglicherweise ab: Versuch es in einem anderen Netzwerk.</translation>
    </message>
    <message>
        <source>The secure connection to neuroflash could not be verified. Check your network or proxy settings.</source>
        <translation>Die sichere Verbindung zu neuroflash konnte nicht geprüft werden. Prüfe deine Netzwerk- oder Proxy-Einstellungen.</translation>
    </message>
    <message>
        <source>The disk is full. Free some space or choose another folder.</source>
        <translation>Der Datenträger ist voll. Schaffe Platz oder wähle einen anderen Ordner.</translation>
    </message>
    <message>
        <source>You don&apos;t have permission to save in this folder. Choose another folder.</source>
        <translation>Du darfst in diesem Ordner nicht speichern. Wähle einen anderen Ordner.</translation>
    </message>
    <message>
        <source>This folder is read-only. Choose another folder.</source>
        <translation>Dieser Ordner ist schreibgeschützt. Wähle einen anderen Ordner.</translation>
    </message>
    <message>
        <source>The folder no longer exists. Choose another folder.</source>
        <translation>Den Ordner gibt es nicht mehr. Wähle einen anderen Ordner.</translation>
    </message>
    <message>
        <source>The file name is too long for this folder. Choose a shorter folder path.</source>
        <translation>Der Dateiname ist für diesen Ordner zu lang. Wähle einen kürzeren Ordnerpfad.</translation>
    </message>
    <message>
        <source>Too many requests at once. Try again in {seconds} seconds.</source>
        <translation>Zu viele Anfragen auf einmal. Versuche es in {seconds} Sekunden noch einmal.</translation>
    </message>
    <message>
        <source>The image could not be saved ({reason}).</source>
        <translation>Das Bild konnte nicht gespeichert werden ({reason}).</translation>
    </message>
    <message>
        <source>neuroflash answered, but the app could not read the answer. Your images may still arrive: refresh in a moment.</source>
        <translation>neuroflash hat geantwortet, aber die App konnte die Antwort nicht lesen. Deine Bilder kommen vielleicht noch: aktualisiere gleich.</translation>
    </message>
    <message>
        <source>You&apos;re offline, and this image isn&apos;t saved on this computer.</source>
        <translation>Du bist offline, und dieses Bild ist auf diesem Computer nicht gespeichert.</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>Du bist nicht angemeldet.</translation>
    </message>
    <message>
        <source>Something went wrong. Try again.</source>
        <translation>Etwas ist schiefgelaufen. Versuche es noch einmal.</translation>
    </message>
    <message>
        <source>Choose a workspace first.</source>
        <translation>Wähle zuerst einen Arbeitsbereich.</translation>
    </message>
    <message>
        <source>The image could not be decoded.</source>
        <translation>Das Bild konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>This workspace&apos;s plan does not include images.</source>
        <translation>Der Plan dieses Arbeitsbereichs enthält keine Bilder.</translation>
    </message>
    <message>
        <source>No image model in this workspace works from an image, so there is nothing to import for.</source>
        <translation>Kein Bildmodell in diesem Arbeitsbereich arbeitet mit einem vorhandenen Bild, daher lohnt kein Import.</translation>
    </message>
    <message>
        <source>No image model in this workspace can edit part of an image.</source>
        <translation>Kein Bildmodell in diesem Arbeitsbereich kann einen Teil eines Bildes bearbeiten.</translation>
    </message>
    <message>
        <source>This workspace&apos;s plan does not include upscaling.</source>
        <translation>Der Plan dieses Arbeitsbereichs enthält kein Vergrößern.</translation>
    </message>
    <message>
        <source>This workspace can upscale 2×, not 4×.</source>
        <translation>Dieser Arbeitsbereich kann 2× vergrößern, nicht 4×.</translation>
    </message>
    <message>
        <source>This workspace can upscale 4×, not 2×.</source>
        <translation>Dieser Arbeitsbereich kann 4× vergrößern, nicht 2×.</translation>
    </message>
    <message>
        <source>neuroflash took the image but its answer could not be read. Refresh to see whether it arrived before importing it again.</source>
        <translation>neuroflash hat das Bild angenommen, aber die Antwort war nicht lesbar. Aktualisiere, um zu sehen, ob es angekommen ist, bevor du es erneut importierst.</translation>
    </message>
    <message>
        <source>neuroflash took the request but its answer could not be read. Your images may still arrive: refresh in a moment.</source>
        <translation>neuroflash hat den Auftrag angenommen, aber die Antwort war nicht lesbar. Deine Bilder kommen vielleicht noch: aktualisiere gleich.</translation>
    </message>
    <message>
        <source>Can&apos;t reach neuroflash to check on your images. They will appear when they are ready: refresh once you are back online.</source>
        <translation>neuroflash ist nicht erreichbar, um nach deinen Bildern zu sehen. Sie erscheinen, sobald sie fertig sind: aktualisiere, wenn du wieder online bist.</translation>
    </message>
    <message>
        <source>This file is not an image.</source>
        <translation>Diese Datei ist kein Bild.</translation>
    </message>
    <message>
        <source>This image is larger than 20 MB. Save a smaller copy (or a JPEG) and import that.</source>
        <translation>Dieses Bild ist größer als 20 MB. Speichere eine kleinere Kopie (oder ein JPEG) und importiere diese.</translation>
    </message>
    <message>
        <source>HEIC photos can&apos;t be imported. Export the photo as JPEG or PNG and import that.</source>
        <translation>HEIC-Fotos lassen sich nicht importieren. Exportiere das Foto als JPEG oder PNG und importiere es dann.</translation>
    </message>
    <message>
        <source>Photoshop files can&apos;t be imported. Export the image as PNG or JPEG first.</source>
        <translation>Photoshop-Dateien lassen sich nicht importieren. Exportiere das Bild zuerst als PNG oder JPEG.</translation>
    </message>
    <message>
        <source>This image format can&apos;t be imported. Use PNG, JPEG or WebP.</source>
        <translation>Dieses Bildformat lässt sich nicht importieren. Verwende PNG, JPEG oder WebP.</translation>
    </message>
    <message>
        <source>This image has far more pixels than the service takes, so it was not imported.</source>
        <translation>Dieses Bild hat weit mehr Pixel, als der Dienst annimmt, daher wurde es nicht importiert.</translation>
    </message>
    <message>
        <source>This image file is incomplete or damaged, so it was not imported.</source>
        <translation>Diese Bilddatei ist unvollständig oder beschädigt, daher wurde sie nicht importiert.</translation>
    </message>
    <message>
        <source>This file could not be read.</source>
        <translation>Diese Datei konnte nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>FilterChips</name>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Filter by model, ratio, format, kind, date, favourites, rating or collection</source>
        <translation>Nach Modell, Seitenverhältnis, Format, Art, Datum, Favoriten, Bewertung oder Sammlung filtern</translation>
    </message>
    <message>
        <source>Add a filter</source>
        <translation>Filter hinzufügen</translation>
    </message>
    <message>
        <source>Favourites only</source>
        <translation>Nur Favoriten</translation>
    </message>
    <message>
        <source>Minimum rating</source>
        <translation>Mindestbewertung</translation>
    </message>
    <message>
        <source>{stars} and up</source>
        <translation>{stars} und mehr</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Aspect ratio</source>
        <translation>Seitenverhältnis</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Sammlung</translation>
    </message>
    <message>
        <source>No collections yet: press + in the sidebar</source>
        <translation>Noch keine Sammlungen: drück + in der Seitenleiste</translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation>Alle Filter entfernen</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Dieses Jahr</translation>
    </message>
    <message>
        <source>Model: {0}</source>
        <translation>Modell: {0}</translation>
    </message>
    <message>
        <source>Ratio: {0}</source>
        <translation>Verhältnis: {0}</translation>
    </message>
    <message>
        <source>Format: {0}</source>
        <translation>Format: {0}</translation>
    </message>
    <message>
        <source>★ Favourites</source>
        <translation>★ Favoriten</translation>
    </message>
    <message>
        <source>Rating ≥ {0}</source>
        <translation>Bewertung ≥ {0}</translation>
    </message>
    <message>
        <source>Collection: {0}</source>
        <translation>Sammlung: {0}</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>Diesen Filter entfernen</translation>
    </message>
    <message>
        <source>Remove filter {0}</source>
        <translation>Filter {0} entfernen</translation>
    </message>
</context>
<context>
    <name>GenerateCheck</name>
    <message>
        <source>Loading this workspace&apos;s image models…</source>
        <translation>Bildmodelle dieses Arbeitsbereichs werden geladen…</translation>
    </message>
    <message>
        <source>Write a prompt first.</source>
        <translation>Schreibe zuerst einen Prompt.</translation>
    </message>
    <message>
        <source>Sign in to generate images.</source>
        <translation>Melde dich an, um Bilder zu generieren.</translation>
    </message>
    <message>
        <source>This workspace&apos;s plan doesn&apos;t include image generation.</source>
        <translation>Der Plan dieses Arbeitsbereichs enthält keine Bildgenerierung.</translation>
    </message>
    <message>
        <source>No image models are available in this workspace.</source>
        <translation>In diesem Arbeitsbereich sind keine Bildmodelle verfügbar.</translation>
    </message>
    <message>
        <source>Choose a model included in this workspace&apos;s plan.</source>
        <translation>Wähle ein Modell aus dem Plan dieses Arbeitsbereichs.</translation>
    </message>
    <message>
        <source>You have used today&apos;s image credits. They renew at midnight UTC ({time} your time).</source>
        <translation>Du hast die heutigen Bild-Credits verbraucht. Sie erneuern sich um Mitternacht UTC ({time} deiner Zeit).</translation>
    </message>
    <message>
        <source>No image credits left in this billing cycle. They renew when the next cycle starts.</source>
        <translation>In diesem Abrechnungszeitraum sind keine Bild-Credits mehr übrig. Sie erneuern sich mit dem nächsten Zeitraum.</translation>
    </message>
    <message>
        <source>Not enough credits for this and the queued jobs: {left} left, {needed} needed.</source>
        <translation>Nicht genug Credits für diesen und die wartenden Aufträge: {left} übrig, {needed} nötig.</translation>
    </message>
    <message>
        <source>Not enough credits: {left} left, {needed} needed.</source>
        <translation>Nicht genug Credits: {left} übrig, {needed} nötig.</translation>
    </message>
    <message>
        <source>The prompt has only spaces, line breaks or invisible characters: write a few words.</source>
        <translation>Der Prompt enthält nur Leerzeichen, Zeilenumbrüche oder unsichtbare Zeichen: Schreibe ein paar Wörter.</translation>
    </message>
    <message>
        <source>The prompt is too long: {count} of {limit} characters.</source>
        <translation>Der Prompt ist zu lang: {count} von {limit} Zeichen.</translation>
    </message>
</context>
<context>
    <name>GenerateFooter</name>
    <message>
        <source>Cost of this generation</source>
        <translation>Kosten dieser Generierung</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <source>Stop waiting</source>
        <translation>Nicht mehr warten</translation>
    </message>
    <message>
        <source>Images already requested will still arrive in your history and are charged; jobs not sent yet are cancelled at no cost.</source>
        <translation>Bereits angeforderte Bilder kommen trotzdem in deinem Verlauf an und werden berechnet; noch nicht gesendete Aufträge werden kostenlos abgebrochen.</translation>
    </message>
    <message>
        <source>Generating</source>
        <translation>Generiere</translation>
    </message>
    <message>
        <source>Generate ({keys})</source>
        <translation>Generieren ({keys})</translation>
    </message>
    <message>
        <source>{what}… {seconds} s</source>
        <translation>{what} … {seconds} s</translation>
    </message>
</context>
<context>
    <name>GeneratePanel</name>
    <message>
        <source>Not included in this workspace&apos;s plan</source>
        <translation>Nicht im Plan dieses Arbeitsbereichs enthalten</translation>
    </message>
    <message>
        <source>Generate images</source>
        <translation>Bilder generieren</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Describe the image you want… ({keys} generates)</source>
        <translation>Beschreibe das gewünschte Bild … ({keys} generiert)</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
</context>
<context>
    <name>GenerationJob</name>
    <message>
        <source>Stopped waiting. The images will still appear in your history when they are ready, and they are charged.</source>
        <translation>Nicht mehr gewartet. Die Bilder erscheinen trotzdem in deinem Verlauf, sobald sie fertig sind, und werden berechnet.</translation>
    </message>
    <message>
        <source>Editing {count} images</source>
        <translation>Bearbeite {count} Bilder</translation>
    </message>
    <message>
        <source>Generating {count} images</source>
        <translation>Generiere {count} Bilder</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>Bearbeite</translation>
    </message>
    <message>
        <source>Generating</source>
        <translation>Generiere</translation>
    </message>
    <message>
        <source>{running} running, {waiting} waiting</source>
        <translation>{running} laufen, {waiting} warten</translation>
    </message>
    <message>
        <source>Only {made} of {wanted} images were generated.</source>
        <translation>Nur {made} von {wanted} Bildern wurden generiert.</translation>
    </message>
    <message>
        <source>Edited image added to your history.</source>
        <translation>Das bearbeitete Bild ist jetzt im Verlauf.</translation>
    </message>
    <message>
        <source>Edit finished</source>
        <translation>Bearbeitung fertig</translation>
    </message>
    <message>
        <source>Generate finished</source>
        <translation>Generierung fertig</translation>
    </message>
    <message>
        <source>Edit failed</source>
        <translation>Bearbeitung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Generate failed</source>
        <translation>Generierung fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>HistoryGroups</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <translation>ddd, d. MMM</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>Undated</source>
        <translation>Ohne Datum</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Ohne Titel</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>d MMM yyyy, HH:mm</source>
        <translation>d. MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>(no prompt)</source>
        <translation>(kein Prompt)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>Upscaled</source>
        <translation>Hochskaliert</translation>
    </message>
    <message>
        <source>Untitled image</source>
        <translation>Bild ohne Titel</translation>
    </message>
</context>
<context>
    <name>HistoryProxyModel</name>
    <message>
        <source>Click to unfold</source>
        <translation>Zum Aufklappen klicken</translation>
    </message>
    <message>
        <source>Click to fold</source>
        <translation>Zum Einklappen klicken</translation>
    </message>
</context>
<context>
    <name>HistoryToolbar</name>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Filter the history by prompt</source>
        <translation>Verlauf nach Prompt filtern</translation>
    </message>
    <message>
        <source>Filter by prompt…</source>
        <translation>Prompt filtern…</translation>
    </message>
    <message>
        <source>Filter the history by prompt ({keys})</source>
        <translation>Verlauf nach Prompt filtern ({keys})</translation>
    </message>
    <message>
        <source>Group the history</source>
        <translation>Verlauf gruppieren</translation>
    </message>
    <message>
        <source>No grouping</source>
        <translation>Ohne Gruppen</translation>
    </message>
    <message>
        <source>Group by day</source>
        <translation>Nach Tag</translation>
    </message>
    <message>
        <source>Group by batch</source>
        <translation>Nach Auftrag</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} von {total}</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Image history</source>
        <translation>Bildverlauf</translation>
    </message>
    <message>
        <source>Your generated images, newest first</source>
        <translation>Deine generierten Bilder, neueste zuerst</translation>
    </message>
    <message>
        <source>No images yet — write a prompt and press Generate.</source>
        <translation>Noch keine Bilder – schreibe einen Prompt und klicke auf „Generieren“.</translation>
    </message>
    <message>
        <source>New images ↑</source>
        <translation>Neue Bilder ↑</translation>
    </message>
    <message>
        <source>Show the new images</source>
        <translation>Die neuen Bilder zeigen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Use These Settings</source>
        <translation>Diese Einstellungen verwenden</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Copy Image</source>
        <translation>Bild kopieren</translation>
    </message>
    <message>
        <source>Copy Prompt</source>
        <translation>Prompt kopieren</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Larger Thumbnails</source>
        <translation>Größere Vorschaubilder</translation>
    </message>
    <message>
        <source>Smaller Thumbnails</source>
        <translation>Kleinere Vorschaubilder</translation>
    </message>
    <message>
        <source>Image actions</source>
        <translation>Bildaktionen</translation>
    </message>
</context>
<context>
    <name>ImageActions</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>JPEG image (*.jpg *.jpeg)</source>
        <translation>JPEG-Bild (*.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>WebP image (*.webp)</source>
        <translation>WebP-Bild (*.webp)</translation>
    </message>
    <message>
        <source>Delete images</source>
        <translation>Bilder löschen</translation>
    </message>
    <message>
        <source>Delete image</source>
        <translation>Bild löschen</translation>
    </message>
    <message>
        <source>Delete {count} images?</source>
        <translation>{count} Bilder löschen?</translation>
    </message>
    <message>
        <source>Delete this image?</source>
        <translation>Dieses Bild löschen?</translation>
    </message>
    <message>
        <source>They are removed from the workspace&apos;s history for everyone. Credits are not refunded.</source>
        <translation>Sie werden für alle aus dem Verlauf des Arbeitsbereichs entfernt. Credits werden nicht erstattet.</translation>
    </message>
    <message>
        <source>It is removed from the workspace&apos;s history for everyone. Credits are not refunded.</source>
        <translation>Es wird für alle aus dem Verlauf des Arbeitsbereichs entfernt. Credits werden nicht erstattet.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleted {images}.</source>
        <translation>{images} gelöscht.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Save {count} images to folder</source>
        <translation>{count} Bilder in Ordner speichern</translation>
    </message>
    <message>
        <source>Save image as</source>
        <translation>Bild speichern unter</translation>
    </message>
    <message>
        <source>Image (*.{ext})</source>
        <translation>Bild (*.{ext})</translation>
    </message>
    <message>
        <source>Couldn&apos;t save the image. {reason}</source>
        <translation>Das Bild konnte nicht gespeichert werden. {reason}</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>{name} gespeichert</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>In Ordner anzeigen</translation>
    </message>
    <message>
        <source>Couldn&apos;t save the images. {reason}</source>
        <translation>Die Bilder konnten nicht gespeichert werden. {reason}</translation>
    </message>
    <message>
        <source>Saved {count} images to {folder}</source>
        <translation>{count} Bilder in {folder} gespeichert</translation>
    </message>
    <message>
        <source>No file manager could be opened. The file is at {path}</source>
        <translation>Es ließ sich kein Dateimanager öffnen. Die Datei liegt unter {path}</translation>
    </message>
    <message>
        <source>Copy Path</source>
        <translation>Pfad kopieren</translation>
    </message>
    <message>
        <source>Edit: {instruction}</source>
        <translation>Bearbeitung: {instruction}</translation>
    </message>
    <message>
        <source>Prompt copied.</source>
        <translation>Prompt kopiert.</translation>
    </message>
    <message>
        <source>This image could not be read, so it was not copied.</source>
        <translation>Dieses Bild konnte nicht gelesen und daher nicht kopiert werden.</translation>
    </message>
    <message>
        <source>Image copied.</source>
        <translation>Bild kopiert.</translation>
    </message>
</context>
<context>
    <name>ImageKinds</name>
    <message>
        <source>Generated</source>
        <translation>Generiert</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>Upscaled</source>
        <translation>Hochskaliert</translation>
    </message>
</context>
<context>
    <name>ImagePane</name>
    <message>
        <source>Untitled image</source>
        <translation>Bild ohne Titel</translation>
    </message>
    <message>
        <source>Loading the full-size image…</source>
        <translation>Bild in voller Größe wird geladen…</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import Images</source>
        <translation>Bilder importieren</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>1 image</source>
        <translation>1 Bild</translation>
    </message>
    <message>
        <source>{count} images</source>
        <translation>{count} Bilder</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeitung</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generierung</translation>
    </message>
    <message>
        <source>Done: the images arrived after a slow answer.</source>
        <translation>Fertig: Die Bilder sind nach einer langsamen Antwort angekommen.</translation>
    </message>
    <message>
        <source>Done: the images arrived after the connection dropped.</source>
        <translation>Fertig: Die Bilder sind nach dem Verbindungsabbruch angekommen.</translation>
    </message>
    <message>
        <source>Done: the images arrived after all.</source>
        <translation>Fertig: Die Bilder sind doch noch angekommen.</translation>
    </message>
    <message>
        <source>Retry of #{number} · </source>
        <translation>Wiederholung von #{number} · </translation>
    </message>
    <message>
        <source>Running · {seconds} s · charged even if you stop waiting</source>
        <translation>Läuft · {seconds} s · wird berechnet, auch wenn du nicht mehr wartest</translation>
    </message>
    <message>
        <source>Cancelled · nothing was sent, no credits used</source>
        <translation>Abgebrochen · nichts gesendet, keine Credits verbraucht</translation>
    </message>
    <message>
        <source>Stopped waiting · {images} arrived in your history</source>
        <translation>Nicht mehr abgewartet · {images} in deinem Verlauf angekommen</translation>
    </message>
    <message>
        <source>Stopped waiting · the images still arrive and are charged</source>
        <translation>Nicht mehr abgewartet · die Bilder kommen trotzdem und werden berechnet</translation>
    </message>
    <message>
        <source>Done · {images} in {seconds} s</source>
        <translation>Fertig · {images} in {seconds} s</translation>
    </message>
    <message>
        <source>Failed · {message}</source>
        <translation>Fehlgeschlagen · {message}</translation>
    </message>
</context>
<context>
    <name>JobPanel</name>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Stop waiting</source>
        <translation>Nicht mehr warten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Not sent yet: cancelling it costs nothing.</source>
        <translation>Noch nicht gesendet: Abbrechen kostet nichts.</translation>
    </message>
    <message>
        <source>Already sent: its images will still arrive in your history and the credits are charged, even if you stop waiting.</source>
        <translation>Bereits gesendet: Seine Bilder kommen trotzdem in deinem Verlauf an und die Credits werden berechnet, auch wenn du nicht mehr wartest.</translation>
    </message>
    <message>
        <source>Retry job #{number}?</source>
        <translation>Auftrag #{number} wiederholen?</translation>
    </message>
    <message>
        <source>Its images may already be on their way to your history.</source>
        <translation>Seine Bilder sind vielleicht schon auf dem Weg in deinen Verlauf.</translation>
    </message>
    <message>
        <source>The connection dropped after neuroflash received the request, so it may have made and charged the images. Retrying sends a new request and uses {credits} again. Refresh (F5) first to check.</source>
        <translation>Die Verbindung brach ab, nachdem neuroflash die Anfrage erhalten hatte; die Bilder wurden also vielleicht schon erstellt und berechnet. Wiederholen sendet eine neue Anfrage und verbraucht erneut {credits}. Aktualisiere zuerst (F5), um nachzusehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n credit(s)</source>
        <translation>
            <numerusform>%n Credit</numerusform>
            <numerusform>%n Credits</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry anyway</source>
        <translation>Trotzdem wiederholen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Send the same request again as a new job (uses credits)</source>
        <translation>Dieselbe Anfrage als neuen Auftrag senden (verbraucht Credits)</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>Aufräumen</translation>
    </message>
</context>
<context>
    <name>JobQueue</name>
    <message>
        <source>Not enough credits for this and the queued jobs: {left} left, {needed} needed.</source>
        <translation>Nicht genug Credits für diesen und die wartenden Aufträge: {left} übrig, {needed} nötig.</translation>
    </message>
    <message>
        <source>Not enough credits: {left} left, {needed} needed.</source>
        <translation>Nicht genug Credits: {left} übrig, {needed} nötig.</translation>
    </message>
    <message>
        <source>Its images will still appear in the history.</source>
        <translation>Seine Bilder erscheinen trotzdem im Verlauf.</translation>
    </message>
    <message>
        <source>Something went wrong ({error}).</source>
        <translation>Etwas ist schiefgelaufen ({error}).</translation>
    </message>
    <message>
        <source>Only {made} of {wanted} images were generated.</source>
        <translation>Nur {made} von {wanted} Bildern wurden generiert.</translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Stopped waiting</source>
        <translation>Nicht mehr abgewartet</translation>
    </message>
</context>
<context>
    <name>LayoutSkeleton</name>
    <message>
        <source>Starting neuroflash Desktop</source>
        <translation>neuroflash Desktop wird gestartet</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>You&apos;re offline — showing saved images. The app reconnects by itself.</source>
        <translation>Du bist offline – gespeicherte Bilder werden angezeigt. Die App verbindet sich von selbst wieder.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>Arbeitsbereiche</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Sign Out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Clear Recent Prompts</source>
        <translation>Letzte Prompts löschen</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>&amp;Image</source>
        <translation>&amp;Bild</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Go to Prompt</source>
        <translation>Zum Prompt</translation>
    </message>
    <message>
        <source>Go to History</source>
        <translation>Zum Verlauf</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>About neuroflash Desktop</source>
        <translation>Über neuroflash Desktop</translation>
    </message>
    <message>
        <source>Signed in: {account}</source>
        <translation>Angemeldet: {account}</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Sign In…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Sign in to see your images.</source>
        <translation>Melde dich an, um deine Bilder zu sehen.</translation>
    </message>
    <message>
        <source>This account has no workspaces.</source>
        <translation>Dieses Konto hat keine Arbeitsbereiche.</translation>
    </message>
    <message>
        <source>Loading history…</source>
        <translation>Verlauf wird geladen…</translation>
    </message>
    <message>
        <source>No images in this workspace yet.</source>
        <translation>Noch keine Bilder in diesem Arbeitsbereich.</translation>
    </message>
    <message>
        <source>You&apos;re offline, and no images are saved yet.</source>
        <translation>Du bist offline, und es sind noch keine Bilder gespeichert.</translation>
    </message>
    <message>
        <source>You&apos;re back online.</source>
        <translation>Du bist wieder online.</translation>
    </message>
    <message>
        <source>Recent prompts cleared.</source>
        <translation>Letzte Prompts gelöscht.</translation>
    </message>
    <message numerus="yes">
        <source>the %n image(s) made in this demo</source>
        <translation>
            <numerusform>das %n in der Demo erzeugte Bild</numerusform>
            <numerusform>die %n in der Demo erzeugten Bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>the demo&apos;s changes: it starts afresh</source>
        <translation>die Änderungen in der Demo: sie beginnt von vorn</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) not sent yet</source>
        <translation>
            <numerusform>%n noch nicht gesendeter Auftrag</numerusform>
            <numerusform>%n noch nicht gesendete Aufträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running job(s): the demo&apos;s images would not arrive</source>
        <translation>
            <numerusform>%n laufender Auftrag: die Bilder der Demo kämen nicht mehr an</numerusform>
            <numerusform>%n laufende Aufträge: die Bilder der Demo kämen nicht mehr an</numerusform>
        </translation>
    </message>
    <message>
        <source>the prompt you are writing</source>
        <translation>der Prompt, den du gerade schreibst</translation>
    </message>
</context>
<context>
    <name>ManageStylesDialog</name>
    <message>
        <source>Manage Styles</source>
        <translation>Stile verwalten</translation>
    </message>
    <message>
        <source>Styles</source>
        <translation>Stile</translation>
    </message>
    <message>
        <source>No styles yet. Save a prompt as a style from the Styles menu, or import a file.</source>
        <translation>Noch keine Stile. Speichere im Stile-Menü einen Prompt als Stil oder importiere eine Datei.</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Add the styles in a style file</source>
        <translation>Die Stile aus einer Stil-Datei hinzufügen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save every style to a file, to share or keep</source>
        <translation>Alle Stile in eine Datei speichern, zum Weitergeben oder Aufbewahren</translation>
    </message>
    <message>
        <source>Style name</source>
        <translation>Name des Stils</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Style prompt</source>
        <translation>Prompt des Stils</translation>
    </message>
    <message>
        <source>{subject} is where your prompt goes when you apply the style.</source>
        <translation>An die Stelle von {subject} kommt dein Prompt, wenn du den Stil anwendest.</translation>
    </message>
    <message>
        <source>Save Prompt</source>
        <translation>Prompt speichern</translation>
    </message>
    <message>
        <source>Delete Style…</source>
        <translation>Stil löschen…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>There is already a style called “{name}”. Choose another name: a rename never replaces a style.</source>
        <translation>Es gibt schon einen Stil „{name}“. Wähl einen anderen Namen: Umbenennen ersetzt nie einen Stil.</translation>
    </message>
    <message>
        <source>A style needs a name.</source>
        <translation>Ein Stil braucht einen Namen.</translation>
    </message>
</context>
<context>
    <name>MaskEditDialog</name>
    <message>
        <source>Edit Part of the Image</source>
        <translation>Teil des Bildes bearbeiten</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>Pinsel</translation>
    </message>
    <message>
        <source>Paint where the image may change (B)</source>
        <translation>Malen, wo sich das Bild ändern darf (B)</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>Radierer</translation>
    </message>
    <message>
        <source>Take paint away (E)</source>
        <translation>Farbe wegnehmen (E)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>Umkehren</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Hardness</source>
        <translation>Härte</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <source>[ and ] change the brush size; Space + drag or the middle button moves the image; the wheel zooms.</source>
        <translation>[ und ] ändern die Pinselgröße; Leertaste + Ziehen oder die mittlere Taste verschiebt das Bild; das Mausrad zoomt.</translation>
    </message>
    <message>
        <source>What should change in the painted area?</source>
        <translation>Was soll sich im bemalten Bereich ändern?</translation>
    </message>
    <message>
        <source>Instruction for the painted area</source>
        <translation>Anweisung für den bemalten Bereich</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Paint the area that may change first.</source>
        <translation>Malen Sie zuerst den Bereich, der sich ändern darf.</translation>
    </message>
    <message>
        <source>Say what should change.</source>
        <translation>Sagen Sie, was sich ändern soll.</translation>
    </message>
    <message>
        <source>Not enough credits.</source>
        <translation>Nicht genug Credits.</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>NoMatch</name>
    <message>
        <source>Show All Images</source>
        <translation>Alle Bilder zeigen</translation>
    </message>
    <message>
        <source>The collection “{name}” is empty.
Drag images from the grid onto it in the sidebar to add them.</source>
        <translation>Die Sammlung „{name}“ ist leer.
Ziehe Bilder aus dem Verlauf auf sie in der Seitenleiste, um sie hinzuzufügen.</translation>
    </message>
    <message>
        <source>Clear Filters</source>
        <translation>Filter aufheben</translation>
    </message>
    <message>
        <source>No image matches “{text}”.
Clear the filter (✕ or Esc) to see all images.</source>
        <translation>Kein Bild passt zu „{text}“.
Leere den Filter (✕ oder Esc), um alle Bilder zu sehen.</translation>
    </message>
    <message>
        <source>Nothing matches these filters.
Remove a filter above, or clear them all.</source>
        <translation>Keine Bilder passen zu diesen Filtern.
Entferne oben einen Filter oder hebe alle auf.</translation>
    </message>
</context>
<context>
    <name>ParameterForm</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Number of images</source>
        <translation>Anzahl der Bilder</translation>
    </message>
    <message>
        <source>Aspect ratio</source>
        <translation>Seitenverhältnis</translation>
    </message>
    <message>
        <source>Output format</source>
        <translation>Ausgabeformat</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>{model} makes at most {count} images at a time, so Images is now {count}.</source>
        <translation>{model} erzeugt höchstens {count} Bilder auf einmal, daher steht „Bilder“ jetzt auf {count}.</translation>
    </message>
    <message>
        <source>The models aren&apos;t loaded yet, so only the prompt changed.</source>
        <translation>Die Modelle sind noch nicht geladen, darum wurde nur der Prompt geändert.</translation>
    </message>
    <message>
        <source>The model {model} isn&apos;t offered here; {current} stays.</source>
        <translation>Das Modell {model} gibt es hier nicht; {current} bleibt.</translation>
    </message>
    <message>
        <source>{model} isn&apos;t included in this workspace&apos;s plan; {current} stays.</source>
        <translation>{model} ist nicht im Plan dieses Arbeitsbereichs enthalten; {current} bleibt.</translation>
    </message>
    <message>
        <source>{model} has no aspect ratio {value}; {current} stays.</source>
        <translation>{model} hat kein Seitenverhältnis {value}; {current} bleibt.</translation>
    </message>
    <message>
        <source>{model} can&apos;t make {value} files; {current} stays.</source>
        <translation>{model} kann keine {value}-Dateien erstellen; {current} bleibt.</translation>
    </message>
    <message>
        <source>{model} makes at most {count} images at a time.</source>
        <translation>{model} erstellt höchstens {count} Bilder auf einmal.</translation>
    </message>
</context>
<context>
    <name>ParameterRows</name>
    <message>
        <source>None: model, images, ratio and format stay as they are in the panel.</source>
        <translation>Keine: Modell, Bilder, Seitenverhältnis und Format bleiben, wie sie im Bereich eingestellt sind.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove “{setting}” from this style</source>
        <translation>„{setting}“ aus diesem Stil entfernen</translation>
    </message>
    <message>
        <source>The style no longer changes this setting</source>
        <translation>Der Stil ändert diese Einstellung dann nicht mehr</translation>
    </message>
</context>
<context>
    <name>PromptEdit</name>
    <message>
        <source>Recent prompts</source>
        <translation>Letzte Prompts</translation>
    </message>
</context>
<context>
    <name>QuotaPanel</name>
    <message>
        <source>Image credits</source>
        <translation>Bild-Credits</translation>
    </message>
    <message>
        <source>Refresh credits (F5 refreshes everything)</source>
        <translation>Credits aktualisieren (F5 aktualisiert alles)</translation>
    </message>
    <message>
        <source>Refresh credits</source>
        <translation>Credits aktualisieren</translation>
    </message>
    <message>
        <source>Credits available</source>
        <translation>Verfügbare Credits</translation>
    </message>
    <message>
        <source>Credits used this cycle</source>
        <translation>In diesem Zeitraum verbrauchte Credits</translation>
    </message>
    <message>
        <source>Credits used today</source>
        <translation>Heute verbrauchte Credits</translation>
    </message>
    <message>
        <source>Fair-use limit reached: neuroflash may slow down generation for this workspace.</source>
        <translation>Fair-Use-Grenze erreicht: neuroflash kann die Generierung für diesen Arbeitsbereich verlangsamen.</translation>
    </message>
    <message>
        <source>Sign in to see your image credits.</source>
        <translation>Melde dich an, um deine Bild-Credits zu sehen.</translation>
    </message>
    <message>
        <source>Loading credits…</source>
        <translation>Credits werden geladen…</translation>
    </message>
    <message>
        <source>This workspace&apos;s plan doesn&apos;t include image generation.</source>
        <translation>Der Plan dieses Arbeitsbereichs enthält keine Bildgenerierung.</translation>
    </message>
    <message>
        <source>{count} left</source>
        <translation>{count} übrig</translation>
    </message>
    <message>
        <source>{used} of {limit} used this cycle</source>
        <translation>{used} von {limit} in diesem Zeitraum verbraucht</translation>
    </message>
    <message>
        <source>Today: {used} of {limit} · renews at midnight UTC</source>
        <translation>Heute: {used} von {limit} · erneuert sich um Mitternacht (UTC)</translation>
    </message>
    <message>
        <source>+{count} bonus</source>
        <translation>+{count} Bonus</translation>
    </message>
    <message>
        <source>+{count} carried over</source>
        <translation>+{count} übertragen</translation>
    </message>
    <message>
        <source>{extras} included</source>
        <translation>{extras} enthalten</translation>
    </message>
    <message>
        <source>{left} credits left; {used} of {limit} used today</source>
        <translation>{left} Credits übrig; heute {used} von {limit} verbraucht</translation>
    </message>
</context>
<context>
    <name>SavePresetDialog</name>
    <message>
        <source>Save as Style</source>
        <translation>Als Stil speichern</translation>
    </message>
    <message>
        <source>Style name</source>
        <translation>Name des Stils</translation>
    </message>
    <message>
        <source>e.g. Flat pastel</source>
        <translation>z. B. Flach pastell</translation>
    </message>
    <message>
        <source>Style prompt</source>
        <translation>Prompt des Stils</translation>
    </message>
    <message>
        <source>Write {subject} where your prompt goes when you apply the style, e.g. “{subject}, flat vector, pastel”. Without it, your prompt goes in front.</source>
        <translation>Schreib {subject} dorthin, wo dein Prompt beim Anwenden des Stils hinkommt, z. B. „{subject}, flat vector, pastel“. Ohne {subject} kommt dein Prompt nach vorn.</translation>
    </message>
    <message>
        <source>Also keep {summary}</source>
        <translation>Auch {summary} speichern</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>A style called “{name}” exists already. Choose another name, or Replace to overwrite it.</source>
        <translation>Einen Stil „{name}“ gibt es schon. Wähl einen anderen Namen oder „Ersetzen“, um ihn zu überschreiben.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
</context>
<context>
    <name>SelectionExport</name>
    <message>
        <source>Export Selection to Folder…</source>
        <translation>Auswahl in Ordner exportieren…</translation>
    </message>
    <message>
        <source>Export Selection as ZIP…</source>
        <translation>Auswahl als ZIP exportieren…</translation>
    </message>
    <message>
        <source>Select the images to export first.</source>
        <translation>Wähle zuerst die Bilder aus, die du exportieren willst.</translation>
    </message>
    <message>
        <source>Export to Folder</source>
        <translation>In Ordner exportieren</translation>
    </message>
    <message>
        <source>Export as ZIP</source>
        <translation>Als ZIP exportieren</translation>
    </message>
    <message>
        <source>ZIP archives (*.zip)</source>
        <translation>ZIP-Archive (*.zip)</translation>
    </message>
    <message>
        <source>Exporting images…</source>
        <translation>Bilder werden exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Select them to export them again.</source>
        <translation>Wähle sie aus, um sie noch einmal zu exportieren.</translation>
    </message>
    <message>
        <source>Select Them</source>
        <translation>Auswählen</translation>
    </message>
    <message>
        <source>No archive was made and no file was replaced.</source>
        <translation>Es wurde kein Archiv erstellt und keine Datei ersetzt.</translation>
    </message>
    <message>
        <source>{saved} of {asked} images were saved in {where}; nothing was replaced.</source>
        <translation>{saved} von {asked} Bildern wurden in {where} gespeichert; nichts wurde ersetzt.</translation>
    </message>
    <message>
        <source>No image was saved and no file was replaced.</source>
        <translation>Es wurde kein Bild gespeichert und keine Datei ersetzt.</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Export abgebrochen.</translation>
    </message>
    <message>
        <source>Exported {written} of {asked} images to {where}.</source>
        <translation>{written} von {asked} Bildern nach {where} exportiert.</translation>
    </message>
    <message>
        <source>{failed} could not be downloaded.</source>
        <translation>Nicht heruntergeladen werden konnten: {failed}.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Wie im System</translation>
    </message>
    <message>
        <source>Set on the command line ({flag}) for this run. A choice here applies when the app starts without it.</source>
        <translation>Für diesen Start auf der Befehlszeile festgelegt ({flag}). Eine Auswahl hier gilt, wenn die App ohne diese Angabe startet.</translation>
    </message>
    <message>
        <source>The new language applies after a restart.</source>
        <translation>Die neue Sprache gilt nach einem Neustart.</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Jetzt neu starten</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Proxy server</source>
        <translation>Proxyserver</translation>
    </message>
    <message>
        <source>Empty: use the system&apos;s proxy settings</source>
        <translation>Leer: wie im System eingestellt</translation>
    </message>
    <message>
        <source>For example http://proxy.example.com:8080</source>
        <translation>Zum Beispiel http://proxy.example.com:8080</translation>
    </message>
    <message>
        <source>Proxy user name</source>
        <translation>Proxy-Benutzername</translation>
    </message>
    <message>
        <source>Only if the proxy asks for one</source>
        <translation>Nur wenn der Proxy einen verlangt</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>Proxy-Passwort</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>No proxy for</source>
        <translation>Kein Proxy für</translation>
    </message>
    <message>
        <source>The password is kept in the system&apos;s keychain, not in the settings file.</source>
        <translation>Das Passwort wird im Schlüsselbund des Systems gespeichert, nicht in der Einstellungsdatei.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>There is no keychain on this computer, so the password cannot be kept for the restart. Set HTTPS_PROXY with the user name and password instead, or ask your IT department for a keychain (Secret Service).</source>
        <translation>Dieser Computer hat keinen Schlüsselbund, deshalb kann das Passwort den Neustart nicht überdauern. Setze stattdessen HTTPS_PROXY mit Benutzername und Passwort, oder frag deine IT-Abteilung nach einem Schlüsselbund (Secret Service).</translation>
    </message>
    <message>
        <source>The new language and proxy apply after a restart.</source>
        <translation>Die neue Sprache und der Proxy gelten nach einem Neustart.</translation>
    </message>
    <message>
        <source>The new proxy settings apply after a restart.</source>
        <translation>Die neuen Proxy-Einstellungen gelten nach einem Neustart.</translation>
    </message>
    <message>
        <source>Restart now?</source>
        <translation>Jetzt neu starten?</translation>
    </message>
    <message>
        <source>Restarting now loses:</source>
        <translation>Ein Neustart jetzt verwirft:</translation>
    </message>
    <message>
        <source>Restart Anyway</source>
        <translation>Trotzdem neu starten</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Filter the history</source>
        <translation>Verlauf filtern</translation>
    </message>
    <message>
        <source>Full-size preview</source>
        <translation>Vorschau in voller Größe</translation>
    </message>
    <message>
        <source>History and viewer</source>
        <translation>Verlauf und Betrachter</translation>
    </message>
    <message>
        <source>Select every image</source>
        <translation>Alle Bilder auswählen</translation>
    </message>
    <message>
        <source>Undo a delete (while its note shows)</source>
        <translation>Löschen rückgängig machen (solange der Hinweis steht)</translation>
    </message>
    <message>
        <source>{key} or double-click</source>
        <translation>{key} oder Doppelklick</translation>
    </message>
    <message>
        <source>Compare two images</source>
        <translation>Zwei Bilder vergleichen</translation>
    </message>
    <message>
        <source>Select two, then {key}</source>
        <translation>Zwei auswählen, dann {key}</translation>
    </message>
    <message>
        <source>Viewer: previous / next image</source>
        <translation>Betrachter: vorheriges / nächstes Bild</translation>
    </message>
    <message>
        <source>Viewer: fit / 100 % / zoom</source>
        <translation>Betrachter: einpassen / 100 % / zoomen</translation>
    </message>
    <message>
        <source>Close the viewer</source>
        <translation>Betrachter schließen</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to neuroflash</source>
        <translation>Bei neuroflash anmelden</translation>
    </message>
    <message>
        <source>Sign in with a neuroflash service account. Create one in the neuroflash app under &lt;b&gt;Service Accounts&lt;/b&gt; and copy its client ID and secret.</source>
        <translation>Melde dich mit einem neuroflash Service Account an. Lege ihn in der neuroflash-App unter &lt;b&gt;Service Accounts&lt;/b&gt; an und kopiere Client-ID und Secret.</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client-Secret</translation>
    </message>
    <message>
        <source>Remember on this computer</source>
        <translation>Auf diesem Computer merken</translation>
    </message>
    <message>
        <source>This computer has no keychain, so the secret is kept for this session only.</source>
        <translation>Dieser Computer hat keinen Schlüsselbund, daher wird das Secret nur für diese Sitzung behalten.</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>Anmeldemeldung</translation>
    </message>
    <message>
        <source>No keychain was found on this computer. Your credentials will be kept for this session only and never written to disk.</source>
        <translation>Auf diesem Computer wurde kein Schlüsselbund gefunden. Deine Zugangsdaten werden nur für diese Sitzung behalten und nie gespeichert.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Demo ausprobieren</translation>
    </message>
    <message>
        <source>Explore the app with a built-in demo account; no credits used</source>
        <translation>Die App mit einem eingebauten Demo-Konto ausprobieren; verbraucht keine Credits</translation>
    </message>
    <message>
        <source>Starting the demo…</source>
        <translation>Demo wird gestartet…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
</context>
<context>
    <name>SignInFlow</name>
    <message>
        <source>The demo could not start: {error}</source>
        <translation>Die Demo konnte nicht starten: {error}</translation>
    </message>
    <message>
        <source>No keychain on this computer: you&apos;ll be asked to sign in again next time.</source>
        <translation>Kein Schlüsselbund auf diesem Computer: Beim nächsten Start musst du dich erneut anmelden.</translation>
    </message>
    <message>
        <source>Demo account</source>
        <translation>Demo-Konto</translation>
    </message>
</context>
<context>
    <name>StyleMenu</name>
    <message>
        <source>Styles</source>
        <translation>Stile</translation>
    </message>
    <message>
        <source>Apply a saved style to your prompt, or save this prompt as a style</source>
        <translation>Einen gespeicherten Stil auf deinen Prompt anwenden oder diesen Prompt als Stil speichern</translation>
    </message>
    <message>
        <source>Save Prompt as Style…</source>
        <translation>Prompt als Stil speichern…</translation>
    </message>
    <message>
        <source>Manage Styles…</source>
        <translation>Stile verwalten…</translation>
    </message>
    <message>
        <source>Import Styles…</source>
        <translation>Stile importieren…</translation>
    </message>
    <message>
        <source>Export Styles…</source>
        <translation>Stile exportieren…</translation>
    </message>
    <message>
        <source>No styles yet</source>
        <translation>Noch keine Stile</translation>
    </message>
    <message>
        <source>Delete Style</source>
        <translation>Stil löschen</translation>
    </message>
    <message>
        <source>Style “{name}” applied.</source>
        <translation>Stil „{name}“ angewendet.</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n Bild</numerusform>
            <numerusform>%n Bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>Couldn&apos;t save the style “{name}”.</source>
        <translation>Der Stil „{name}“ konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Saved the style “{name}”.</source>
        <translation>Stil „{name}“ gespeichert.</translation>
    </message>
    <message>
        <source>Delete the style “{name}”?</source>
        <translation>Den Stil „{name}“ löschen?</translation>
    </message>
    <message>
        <source>Images made with it stay as they are.</source>
        <translation>Damit erstellte Bilder bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Couldn&apos;t delete the style “{name}”.</source>
        <translation>Der Stil „{name}“ konnte nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>Deleted the style “{name}”.</source>
        <translation>Stil „{name}“ gelöscht.</translation>
    </message>
    <message>
        <source>{model} (not offered in this workspace)</source>
        <translation>{model} (in diesem Arbeitsbereich nicht angeboten)</translation>
    </message>
    <message>
        <source>Model: {model}</source>
        <translation>Modell: {model}</translation>
    </message>
    <message>
        <source>Images: {count}</source>
        <translation>Bilder: {count}</translation>
    </message>
    <message>
        <source>Aspect ratio: {ratio}</source>
        <translation>Seitenverhältnis: {ratio}</translation>
    </message>
    <message>
        <source>Format: {format}</source>
        <translation>Format: {format}</translation>
    </message>
    <message>
        <source>There is already a style called “{name}”. Choose another name: a rename never replaces a style.</source>
        <translation>Es gibt schon einen Stil „{name}“. Wähl einen anderen Namen: Umbenennen ersetzt nie einen Stil.</translation>
    </message>
    <message>
        <source>The style “{name}” was deleted meanwhile.</source>
        <translation>Der Stil „{name}“ wurde inzwischen gelöscht.</translation>
    </message>
    <message>
        <source>Couldn&apos;t rename the style “{name}”.</source>
        <translation>Der Stil „{name}“ konnte nicht umbenannt werden.</translation>
    </message>
    <message>
        <source>Renamed “{old}” to “{new}”.</source>
        <translation>„{old}“ in „{new}“ umbenannt.</translation>
    </message>
    <message>
        <source>Style files (*.json)</source>
        <translation>Stil-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Import Styles</source>
        <translation>Stile importieren</translation>
    </message>
    <message>
        <source>Export Styles</source>
        <translation>Stile exportieren</translation>
    </message>
    <message>
        <source>Couldn&apos;t import the styles. Nothing was changed.</source>
        <translation>Die Stile konnten nicht importiert werden. Es wurde nichts geändert.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing new: you have the %n style(s) in this file already.</source>
        <translation>
            <numerusform>Nichts Neues: Den Stil aus dieser Datei hast du schon.</numerusform>
            <numerusform>Nichts Neues: Die %n Stile aus dieser Datei hast du schon.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n style(s).</source>
        <translation>
            <numerusform>%n Stil importiert.</numerusform>
            <numerusform>%n Stile importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>You have a different “{old}” already, so the imported one is “{new}”.</source>
        <translation>Du hast schon einen anderen Stil „{old}“, darum heißt der importierte „{new}“.</translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n style(s) you have already.</source>
        <translation>
            <numerusform>%n Stil hast du schon, er wurde übersprungen.</numerusform>
            <numerusform>%n Stile hast du schon, sie wurden übersprungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Couldn&apos;t write {file}: {reason}</source>
        <translation>{file} konnte nicht geschrieben werden: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n style(s) to {file}.</source>
        <translation>
            <numerusform>%n Stil nach {file} exportiert.</numerusform>
            <numerusform>%n Stile nach {file} exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StyleNote</name>
    <message>
        <source>Type over {placeholder} in the prompt before you generate.</source>
        <translation>Überschreib {placeholder} im Prompt, bevor du generierst.</translation>
    </message>
</context>
<context>
    <name>StylePresets</name>
    <message>
        <source>This file is too big to be a style preset file ({size} MB; preset files are at most 2 MB). Nothing was imported.</source>
        <translation>Diese Datei ist zu groß für eine Stil-Datei ({size} MB; Stil-Dateien haben höchstens 2 MB). Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Couldn&apos;t read {file}: {reason}. Nothing was imported.</source>
        <translation>{file} konnte nicht gelesen werden: {reason}. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>{file} isn&apos;t a style preset file from neuroflash Desktop (use Export Styles… to make one). Nothing was imported.</source>
        <translation>{file} ist keine Stil-Datei von neuroflash Desktop (eine erstellst du mit „Stile exportieren…“). Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>{file} has no styles in it. Nothing was imported.</source>
        <translation>In {file} sind keine Stile. Es wurde nichts importiert.</translation>
    </message>
</context>
<context>
    <name>TileSizeSlider</name>
    <message>
        <source>Thumbnail size</source>
        <translation>Größe der Vorschaubilder</translation>
    </message>
    <message>
        <source>Thumbnail size (Ctrl+plus / Ctrl+minus)</source>
        <translation>Größe der Vorschaubilder (Strg+Plus / Strg+Minus)</translation>
    </message>
</context>
<context>
    <name>ViewerWindow</name>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit to window (0)</source>
        <translation>An Fenster anpassen (0)</translation>
    </message>
    <message>
        <source>Actual size (1)</source>
        <translation>Originalgröße (1)</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>Verkleinern (−)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Vergrößern (+)</translation>
    </message>
    <message>
        <source>← → previous / next</source>
        <translation>← → vorheriges / nächstes</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Ohne Titel</translation>
    </message>
    <message>
        <source>Compare: {first} vs {second}</source>
        <translation>Vergleich: {first} vs. {second}</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current} von {total}</translation>
    </message>
    <message>
        <source>This image could not be shown.</source>
        <translation>Dieses Bild kann nicht angezeigt werden.</translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>{percent} %</translation>
    </message>
</context>
<context>
    <name>WorkspaceList</name>
    <message>
        <source>Workspaces</source>
        <translation>Arbeitsbereiche</translation>
    </message>
</context>
<context>
    <name>WorkspaceListModel</name>
    <message>
        <source>{name}
ID: {id}</source>
        <translation>{name}
ID: {id}</translation>
    </message>
</context>
</TS>
