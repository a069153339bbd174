<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de">
<context>
    <name>ProjectDocument</name>
    <message>
        <source>Add take "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove take "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The project has no file yet; choose where to save it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit negative prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit source prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set seed to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lock seed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlock seed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change generation settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A layer id is required.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The weight of %1 must be in [0, 1], got %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set weight of %1 to %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The weight of head %1 of %2 must be in [0, 1], got %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set head weights of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The step range [%1, %2) is not valid.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set steps to [%1, %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set injection mode to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The extraction timestep must be in [0, 1000], got %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set source extraction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inject into %1 guidance branches</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear token mask</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paint token mask</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replace injection schedule</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set source clip</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set model folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no place %1 for a shot.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shot duration</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add shot %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no shot %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A project keeps at least one shot.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove shot %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit target prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit shot %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A take needs an id.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is already a take with id %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no take with id %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename take "%1" to "%2"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Update take "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use the settings of "%1"</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Zero-shot motion transfer editor</source>
        <translation>Editor für Zero-Shot-Bewegungsübertragung</translation>
    </message>
    <message>
        <source>Project file to open (default: the demo project)</source>
        <translation>Zu öffnende Projektdatei (Standard: das Demoprojekt)</translation>
    </message>
    <message>
        <source>Save a PNG of the main window once shown, then quit.</source>
        <translation>Nach dem Anzeigen ein PNG des Hauptfensters speichern und beenden.</translation>
    </message>
    <message>
        <source>User interface language: %1 (default: the system's)</source>
        <translation>Sprache der Oberfläche: %1 (Standard: die des Systems)</translation>
    </message>
</context>
<context>
    <name>mbq</name>
    <message>
        <source>%1: the frame rate and frame count must be positive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the source states no frame rate; assuming 25 fps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: starts at %2 s but the clip is only %3 s long</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 frames snapped to %2 (the model takes 4n+1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: needs %2 frames at %3 fps from %4 s but holds only %5; start earlier or lower the frame rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the source holds only %1 frames at %2 fps; using %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the video has no frame size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>size %1×%2 snapped to %3×%4 (multiples of 16)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: empty conform plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: decoded only %2 of the %3 frames the model needs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the file held %2 frames where %3 were planned; using %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot export to %1: no such folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot export %1: the clip has no frames</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the disk is full</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>permission denied</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the file would exceed the largest size allowed here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: the clip has no frames</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>null</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a boolean</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: no such file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: is a folder, not a project file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: is %2 MiB, larger than any project (limit %3 MiB)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be one of %1, got "%2"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must hold at least one shot</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must not be empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be an ISO 8601 date and time, got "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot upgrade from format_version %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>is %1 MiB, larger than any project (limit %2 MiB)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>is empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>is not valid JSON: %1 at line %2, column %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must hold a JSON object at the top level</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>is not an mbq project (app is "%1")</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>was made by a newer mbq (format_version %1; this version reads up to %2). Update mbq to open it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>format_version must be &gt;= 0, got %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1.id repeats take id "%2"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be in [0, 1], got %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>is missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>repeats layer "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be &gt;= 0, got %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be &gt;= step_begin (%1), got %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be in [0, 1000], got %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be base64-encoded bytes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 or %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 must be a positive multiple of %2 up to %3, got %4; nearest valid: %5</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 must be 4n+1 frames (1, 5, 9, ... up to %2), got %3; nearest valid: %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1fps must be in (0, 240], got %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1steps must be in [1, %2], got %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1guidance must be &gt;= 0, got %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1shift must be &gt; 0, got %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mbq::ConformPlan</name>
    <message>
        <source>%1 of %2 frames from %3 s, </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1→%2 fps, </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 fps, </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> → scale %1×%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> → crop %1×%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> → pad %1×%2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mbq::Enum</name>
    <message>
        <source>must be one of %1, got "%2"</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mbq::JsonReader</name>
    <message>
        <source>is missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be %1, got %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be a whole number, got %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be a whole number in [0, 2^53] (write larger values as a string), got %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a decimal string</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be a decimal number from 0 to 18446744073709551615, got "%1"</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mbq::MainWindow</name>
    <message>
        <source>mbq projects (*.mbqproj);;All files (*)</source>
        <translation>mbq-Projekte (*.mbqproj);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Device: starting…</source>
        <translation>Gerät: wird gestartet…</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Demo Project</source>
        <translation>&amp;Demoprojekt öffnen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>&amp;Render</source>
        <translation>&amp;Rendern</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Motion by Queries Studio</source>
        <translation>&amp;Über Motion by Queries Studio</translation>
    </message>
    <message>
        <source>Cannot open the demo project</source>
        <translation>Das Demoprojekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>Cannot save project</source>
        <translation>Projekt kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them first?</source>
        <translation>%1 hat ungespeicherte Änderungen. Zuerst speichern?</translation>
    </message>
    <message>
        <source>Queued render %1</source>
        <translation>Rendern %1 eingereiht</translation>
    </message>
    <message>
        <source>About Motion by Queries Studio</source>
        <translation>Über Motion by Queries Studio</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Motion by Queries Studio&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Zero-shot motion transfer: the self-attention queries of a source clip steer the motion of a new video that looks like its own prompt.&lt;/p&gt;&lt;p&gt;Device: %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Motion by Queries Studio&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Zero-Shot-Bewegungsübertragung: Die Self-Attention-Queries eines Quellclips steuern die Bewegung eines neuen Videos, das wie sein eigener Prompt aussieht.&lt;/p&gt;&lt;p&gt;Gerät: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Model: none chosen</source>
        <translation>Modell: keines gewählt</translation>
    </message>
    <message>
        <source>Model: loading %1…</source>
        <translation>Modell: %1 wird geladen…</translation>
    </message>
    <message>
        <source>%1[*] — Motion by Queries Studio</source>
        <translation>%1[*] — Motion by Queries Studio</translation>
    </message>
    <message>
        <source>Model: not loaded</source>
        <translation>Modell: nicht geladen</translation>
    </message>
    <message>
        <source>Choose &amp;Model Folder…</source>
        <translation>&amp;Modellordner wählen…</translation>
    </message>
    <message>
        <source>Choose Model Folder</source>
        <translation>Modellordner wählen</translation>
    </message>
    <message>
        <source>%1B</source>
        <translation>%1 Mrd.</translation>
    </message>
    <message>
        <source>%1M</source>
        <translation>%1 Mio.</translation>
    </message>
    <message>
        <source>%1k</source>
        <translation>%1 Tsd.</translation>
    </message>
    <message>
        <source>Model: %1 (%2 layout, %3 parameters)</source>
        <translation>Modell: %1 (%2-Layout, %3 Parameter)</translation>
    </message>
</context>
<context>
    <name>mbq::Media</name>
    <message>
        <source>%1: stopped after %2 frames: more would not fit in %3 MiB</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: no frame could be decoded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A filmstrip needs a positive count and height</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot compare: %1 has no frames</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mbq::Metrics</name>
    <message>
        <source>The %1 clip needs at least two frames</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mbq::ProjectSummaryView</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1 — not found</source>
        <translation>%1 — nicht gefunden</translation>
    </message>
    <message>
        <source>Source clip</source>
        <translation>Quellclip</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Target prompt</source>
        <translation>Ziel-Prompt</translation>
    </message>
    <message>
        <source>Negative prompt</source>
        <translation>Negativ-Prompt</translation>
    </message>
    <message>
        <source>Source prompt</source>
        <translation>Quell-Prompt</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>Generierung</translation>
    </message>
    <message>
        <source>Q injection</source>
        <translation>Q-Injektion</translation>
    </message>
    <message>
        <source>Injected steps</source>
        <translation>Injizierte Schritte</translation>
    </message>
    <message>
        <source>Source extraction</source>
        <translation>Quellextraktion</translation>
    </message>
    <message>
        <source>Takes</source>
        <translation>Takes</translation>
    </message>
    <message>
        <source>seed %1%2 · %3×%4 · %5 frames at %6 fps · %7 steps %8 · guidance %9 · shift %10</source>
        <translation>Seed %1%2 · %3×%4 · %5 Bilder bei %6 fps · %7 Schritte %8 · Guidance %9 · Shift %10</translation>
    </message>
    <message>
        <source> (locked)</source>
        <translation> (gesperrt)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>steps %1 to %2 of %3</source>
        <translation>Schritte %1 bis %2 von %3</translation>
    </message>
    <message>
        <source>single pass at t = %1</source>
        <translation>ein Durchlauf bei t = %1</translation>
    </message>
    <message>
        <source>no renders yet</source>
        <translation>noch keine Renderings</translation>
    </message>
    <message numerus="yes">
        <source>%n take(s)</source>
        <translation><numerusform>%n Take</numerusform><numerusform>%n Takes</numerusform></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 mit %2</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
</context>
<context>
    <name>mbq::RenderJobDelegate</name>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
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
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Load model</source>
        <translation>Modell laden</translation>
    </message>
    <message>
        <source>Encode source</source>
        <translation>Quelle kodieren</translation>
    </message>
    <message>
        <source>Extract Q</source>
        <translation>Q extrahieren</translation>
    </message>
    <message>
        <source>Denoise</source>
        <translation>Entrauschen</translation>
    </message>
    <message>
        <source>Decode</source>
        <translation>Dekodieren</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Waiting for the render thread</source>
        <translation>Warte auf den Render-Thread</translation>
    </message>
    <message>
        <source>Finished in %1</source>
        <translation>Fertig nach %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
</context>
<context>
    <name>mbq::RenderQueueDock</name>
    <message>
        <source>Render Queue</source>
        <translation>Render-Warteschlange</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>Erledigte entfernen</translation>
    </message>
    <message>
        <source>Stop the selected job; finished steps are kept</source>
        <translation>Gewählten Auftrag stoppen; fertige Schritte bleiben erhalten</translation>
    </message>
    <message>
        <source>Queue the selected job again</source>
        <translation>Gewählten Auftrag erneut einreihen</translation>
    </message>
    <message>
        <source>Remove finished, failed and cancelled jobs from the list</source>
        <translation>Fertige, fehlgeschlagene und abgebrochene Aufträge aus der Liste entfernen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>mbq::RenderRequest</name>
    <message>
        <source>(no prompt)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mbq::RenderWorker</name>
    <message>
        <source>no inference engine is available</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>internal error: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>internal error: the engine failed to start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>internal error: unknown exception</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mbq::VideoReader</name>
    <message>
        <source>%1: out of memory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: frame %2 at %3 s is damaged; shown as far as it decoded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: a frame after %2 s could not be decoded: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: gave up after %2 packets without a picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>reading stalled for more than %1 s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: cannot read past %2 s: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: damaged data at %2 s could not be decoded: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: cannot seek to %2 s: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: frame %2 has no usable picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: cannot convert %2 pictures to RGB</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mbq::VideoReader::Private</name>
    <message>
        <source>%1 (further problems not listed)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mbq::VideoWriter</name>
    <message>
        <source>Cannot write %1: empty video (%2×%3 at %4 fps)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: %2 needs an even width and height, not %3×%4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: unknown container; use .mp4, .mov or .mkv</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: this FFmpeg has no %2 encoder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: %2 video cannot be stored in a .%3 file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: the folder %2 does not exist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: out of memory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: the %2 encoder refused the settings: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: no RGB conversion to %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: the writer is closed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mbq::VideoWriter::Private</name>
    <message>
        <source>Cannot encode %1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>mbq::av</name>
    <message>
        <source>%1: no such file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: is a folder, not a video</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: is empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: out of memory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: not a video file FFmpeg can read (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: cannot read the streams: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: contains no video stream</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: this FFmpeg has no decoder for %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the video has no frame size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: cannot open the %2 decoder: %3</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>