<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ColourMap</name>
    <message>
        <location filename="../widgets/colourmap.cpp" line="48"/>
        <source>Grey</source>
        <translation>Grau</translation>
    </message>
    <message>
        <location filename="../widgets/colourmap.cpp" line="50"/>
        <source>Fire</source>
        <translation>Fire</translation>
    </message>
    <message>
        <location filename="../widgets/colourmap.cpp" line="52"/>
        <source>Magma</source>
        <translation>Magma</translation>
    </message>
    <message>
        <location filename="../widgets/colourmap.cpp" line="54"/>
        <source>Viridis</source>
        <translation>Viridis</translation>
    </message>
</context>
<context>
    <name>ResultExporter</name>
    <message>
        <location filename="../app/gui/resultexporter.cpp" line="56"/>
        <source>%1 was not written: the %2 panel holds %3 × %4 pixels, the image %5 × %6.</source>
        <translation>%1 wurde nicht geschrieben: Das Panel „%2“ enthält %3 × %4 Pixel, das Bild %5 × %6.</translation>
    </message>
    <message>
        <location filename="../app/gui/resultexporter.cpp" line="84"/>
        <location filename="../app/gui/resultexporter.cpp" line="119"/>
        <location filename="../app/gui/resultexporter.cpp" line="123"/>
        <location filename="../app/gui/resultexporter.cpp" line="149"/>
        <location filename="../app/gui/resultexporter.cpp" line="153"/>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/resultexporter.cpp" line="105"/>
        <source>the disk is full, or the file is larger than this account may write</source>
        <translation>der Datenträger ist voll, oder die Datei ist größer, als dieses Konto schreiben darf</translation>
    </message>
    <message>
        <location filename="../app/gui/resultexporter.cpp" line="113"/>
        <source>%1 could not be written.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>SyntheticCase</name>
    <message>
        <location filename="../app/gui/syntheticcase.cpp" line="25"/>
        <source>specimen blurred by the default probe at %1 µm, noise variance %2</source>
        <translation>Präparat, mit der Standardsonde bei %1 µm unscharf abgebildet, Rauschvarianz %2</translation>
    </message>
    <message>
        <location filename="../app/gui/syntheticcase.cpp" line="45"/>
        <source>plane %1 blurred at %2 µm, noise variance %3</source>
        <translation>Ebene %1, bei %2 µm unscharf abgebildet, Rauschvarianz %3</translation>
    </message>
</context>
<context>
    <name>latentlens::app::ComparisonRunner</name>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="121"/>
        <source>This model was trained for another probe: at %1 µm its kernel differs from the chosen probe&apos;s by %2% of the energy. Choose the probe it was trained with (%3 keV, NA %4, %5 nm pixels) or train a model for this probe in the Training panel.</source>
        <translation>Dieses Modell wurde für eine andere Sonde trainiert: Bei %1 µm weicht sein Faltungskern um %2 % der Energie von dem der gewählten Sonde ab. Wählen Sie die Sonde, mit der es trainiert wurde (%3 keV, NA %4, %5-nm-Pixel), oder trainieren Sie im Bereich „Training“ ein Modell für diese Sonde.</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="159"/>
        <source>Deformable latent space</source>
        <translation>Deformierbarer latenter Raum</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="161"/>
        <source>NODEFORM (ablation)</source>
        <translation>NODEFORM (Ablation)</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="163"/>
        <source>Wiener</source>
        <translation>Wiener-Filter</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="165"/>
        <source>Richardson–Lucy</source>
        <translation>Richardson-Lucy</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="167"/>
        <source>Hyper-Laplacian</source>
        <translation>Hyper-Laplace</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="439"/>
        <source>λ %1%2</source>
        <translation>λ %1%2</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="441"/>
        <source> (UPRE)</source>
        <translation> (UPRE)</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="446"/>
        <source>%1 iterations%2, TV %3</source>
        <translation>%1 Iterationen%2, TV %3</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="448"/>
        <source> (automatic stop)</source>
        <translation> (automatischer Abbruch)</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="449"/>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="453"/>
        <source>α %1, λ %2</source>
        <translation>α %1, λ %2</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="464"/>
        <source>No model file: the default model was not found. Choose one in the method settings, or train one in the Training panel.</source>
        <translation>Keine Modelldatei: Das Standardmodell wurde nicht gefunden. Wählen Sie eines in den Methodeneinstellungen oder trainieren Sie eines im Bereich „Training“.</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="523"/>
        <source>%1 µm, %2, %3, average of %4 views</source>
        <translation>%1 µm, %2, %3, Mittel aus %4 Ansichten</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="527"/>
        <source>%1 µm, %2, %3</source>
        <translation>%1 µm, %2, %3</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="530"/>
        <source>reference kernel %1 µm only, %2, average of %3 views</source>
        <translation>nur Referenzkern %1 µm, %2, Mittel aus %3 Ansichten</translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="534"/>
        <source>reference kernel %1 µm only, %2</source>
        <translation>nur Referenzkern %1 µm, %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/comparisonrunner.cpp" line="690"/>
        <source>The result holds %n non-finite value(s), so it is not shown.</source>
        <translation>
            <numerusform>Das Ergebnis enthält %n nicht endlichen Wert und wird daher nicht angezeigt.</numerusform>
            <numerusform>Das Ergebnis enthält %n nicht endliche Werte und wird daher nicht angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/comparisonrunner.cpp" line="691"/>
        <source>The result has another size than the image, so it is not shown.</source>
        <translation>Das Ergebnis hat eine andere Größe als das Bild und wird daher nicht angezeigt.</translation>
    </message>
</context>
<context>
    <name>latentlens::app::JobWorker</name>
    <message>
        <location filename="../app/gui/jobworker.cpp" line="109"/>
        <source>Not enough memory for this job. Try a smaller image or region.</source>
        <translation>Nicht genügend Speicher für diesen Auftrag. Versuchen Sie ein kleineres Bild oder einen kleineren Ausschnitt.</translation>
    </message>
    <message>
        <location filename="../app/gui/jobworker.cpp" line="113"/>
        <source>The job failed for an unknown reason.</source>
        <translation>Der Auftrag ist aus unbekanntem Grund fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>latentlens::app::MainWindow</name>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="92"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="93"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="134"/>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="137"/>
        <source>Ground truth</source>
        <translation>Referenz (Ground Truth)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="142"/>
        <source>Open a fluorescence image or stack (File ▸ Open, or drop a file here).</source>
        <translation>Öffnen Sie ein Fluoreszenzbild oder einen Stapel (Datei ▸ Öffnen, oder eine Datei hierher ziehen).</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="172"/>
        <source>Probe</source>
        <translation>Sonde</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="175"/>
        <source>Methods</source>
        <translation>Methoden</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="178"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="182"/>
        <source>Line profile</source>
        <translation>Linienprofil</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="184"/>
        <source>3-D</source>
        <translation>3-D</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="202"/>
        <source>The new model %1 is now used.</source>
        <translation>Das neue Modell %1 wird jetzt verwendet.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="225"/>
        <source>No result: %1</source>
        <translation>Kein Ergebnis: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="237"/>
        <source>%1 on %2; trained at %3 µm</source>
        <translation>%1 auf %2; trainiert bei %3 µm</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="250"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="251"/>
        <source>Stop every running method (Esc)</source>
        <translation>Alle laufenden Methoden anhalten (Esc)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="256"/>
        <source>The whole-stack deblur: planes done and the time left</source>
        <translation>Entfaltung des ganzen Stapels: fertige Ebenen und verbleibende Zeit</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="258"/>
        <source>Stop Stack</source>
        <translation>Stapel anhalten</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="260"/>
        <source>Stop the whole-stack deblur; the finished planes are kept</source>
        <translation>Die Entfaltung des ganzen Stapels anhalten; die fertigen Ebenen bleiben erhalten</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="268"/>
        <source>Stack %v/%m, %1 s left</source>
        <translation>Stapel %v/%m, noch %1 s</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="280"/>
        <source>The stack deblur stopped</source>
        <translation>Die Stapel-Entfaltung wurde abgebrochen</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="281"/>
        <source>%1 The %n finished plane(s) are kept.</source>
        <translation>
            <numerusform>%1 Die %n fertige Ebene bleibt erhalten.</numerusform>
            <numerusform>%1 Die %n fertigen Ebenen bleiben erhalten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="284"/>
        <source>Stack deblur stopped: %n plane(s) finished and kept.</source>
        <translation>
            <numerusform>Stapel-Entfaltung angehalten: %n Ebene fertig und erhalten.</numerusform>
            <numerusform>Stapel-Entfaltung angehalten: %n Ebenen fertig und erhalten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="287"/>
        <source>Stack deblurred: %n plane(s); the navigator shows them in every panel, File ▸ Export Stack Results writes them.</source>
        <translation>
            <numerusform>Stapel entfaltet: %n Ebene; der Navigator zeigt sie in jedem Panel, Datei ▸ Stapelergebnisse exportieren speichert sie.</numerusform>
            <numerusform>Stapel entfaltet: %n Ebenen; der Navigator zeigt sie in jedem Panel, Datei ▸ Stapelergebnisse exportieren speichert sie.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="315"/>
        <source>%1 (stack run)</source>
        <translation>%1 (Stapel-Durchlauf)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="335"/>
        <source>Cannot use %1</source>
        <translation>%1 kann nicht verwendet werden</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="336"/>
        <source>The ground truth must have the image&apos;s size (%1 × %2 px); %3 is %4 × %5 px.</source>
        <translation>Die Referenz muss die Größe des Bildes haben (%1 × %2 px); %3 hat %4 × %5 px.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="355"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="363"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="373"/>
        <source>Cannot open %1</source>
        <translation>%1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="374"/>
        <source>The file %1 could not be opened: %2</source>
        <translation>Die Datei %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="381"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="382"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="384"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="386"/>
        <source>XRF &amp;Analysis</source>
        <translation>XRF-&amp;Analyse</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="387"/>
        <source>The analysis of an XRF-Maps file to show (Fitted, NNLS, ROI, …)</source>
        <translation>Die anzuzeigende Analyse einer XRF-Maps-Datei (Fitted, NNLS, ROI, …)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="392"/>
        <source>Open &amp;Ground Truth…</source>
        <translation>&amp;Referenz (Ground Truth) öffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="393"/>
        <source>Open Ground Truth</source>
        <translation>Referenz (Ground Truth) öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="395"/>
        <source>Images (*.tif *.tiff *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>Bilder (*.tif *.tiff *.png *.jpg *.jpeg);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="399"/>
        <source>Open &amp;Demo</source>
        <translation>&amp;Demo öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="402"/>
        <source>&amp;Blur This Image as Ground Truth</source>
        <translation>Dieses Bild als Referenz &amp;unscharf abbilden</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="405"/>
        <source>Use the current plane as the ground truth and blur it with the current probe</source>
        <translation>Die aktuelle Ebene als Referenz verwenden und mit der aktuellen Sonde unscharf abbilden</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="408"/>
        <source>&amp;Export Results as TIFF…</source>
        <translation>&amp;Ergebnisse als TIFF exportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="411"/>
        <source>Export &amp;Grid as PNG…</source>
        <translation>&amp;Vergleichsraster als PNG exportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="413"/>
        <source>Export &amp;Metrics as CSV…</source>
        <translation>&amp;Metriken als CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="414"/>
        <source>Export &amp;Stack Results…</source>
        <translation>&amp;Stapelergebnisse exportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="416"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="419"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="420"/>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="426"/>
        <source>&amp;Next Plane</source>
        <translation>&amp;Nächste Ebene</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="429"/>
        <source>&amp;Previous Plane</source>
        <translation>&amp;Vorherige Ebene</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="435"/>
        <source>&amp;Compute</source>
        <translation>&amp;Berechnen</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="437"/>
        <source>&amp;Recompute All</source>
        <translation>Alles &amp;neu berechnen</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="439"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="447"/>
        <source>Deblur &amp;Whole Stack</source>
        <translation>Ganzen &amp;Stapel entfalten</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="450"/>
        <source>Run the shown methods over every plane of the stack</source>
        <translation>Die angezeigten Methoden auf jede Ebene des Stapels anwenden</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="451"/>
        <source>Deblur Stack, &amp;This Channel Only</source>
        <translation>Stapel entfalten, nur dieser &amp;Kanal</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="459"/>
        <source>&amp;Stop Stack Deblur</source>
        <translation>Stapel-Entfaltung an&amp;halten</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="461"/>
        <source>Defocus +0.1 µm</source>
        <translation>Defokus +0,1 µm</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="463"/>
        <source>Defocus −0.1 µm</source>
        <translation>Defokus −0,1 µm</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="469"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="474"/>
        <source>System Default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="486"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="487"/>
        <source>LatentLens will be shown in %1 when it is next started.</source>
        <translation>LatentLens wird beim nächsten Start auf %1 angezeigt.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="491"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="492"/>
        <source>&amp;User Guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="494"/>
        <source>&amp;About LatentLens</source>
        <translation>&amp;Über LatentLens</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="496"/>
        <source>Navigator</source>
        <translation>Navigator</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="514"/>
        <source> Channel </source>
        <translation> Kanal </translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="514"/>
        <source>Channel of the image</source>
        <translation>Kanal des Bildes</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="515"/>
        <source> Slice </source>
        <translation> Schicht </translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="515"/>
        <source>Z slice of the stack</source>
        <translation>Z-Schicht des Stapels</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="516"/>
        <source> Frame </source>
        <translation> Zeitpunkt </translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="516"/>
        <source>Time point of the series</source>
        <translation>Zeitpunkt der Serie</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="525"/>
        <source>Open Image</source>
        <translation>Bild öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="526"/>
        <source>Images (*.tif *.tiff *.png *.jpg *.jpeg);;Fluorescence maps (*.h5 *.hdf5 *.h5t *.hdf *.nxs);;All files (*)</source>
        <translation>Bilder (*.tif *.tiff *.png *.jpg *.jpeg);;Fluoreszenzkarten (*.h5 *.hdf5 *.h5t *.hdf *.nxs);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="538"/>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="549"/>
        <source>Opening %1 (%2)…</source>
        <translation>%1 wird geöffnet (%2)…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="570"/>
        <source>No image</source>
        <translation>Kein Bild</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="570"/>
        <source>Open an image before its ground truth.</source>
        <translation>Öffnen Sie zuerst ein Bild, dann seine Referenz.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="607"/>
        <source>Cannot build the demo</source>
        <translation>Demo kann nicht erstellt werden</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="608"/>
        <source>The demo could not be computed: %1</source>
        <translation>Die Demo konnte nicht berechnet werden: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="624"/>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="627"/>
        <source>Demo: a synthetic specimen blurred by the zone-plate probe at %1 µm (the red mark on the slider) with noise; each panel is one method&apos;s deblur, scored against the known truth. Open your own image with File ▸ Open.</source>
        <translation>Demo: ein synthetisches Präparat, mit der Sonde der Zonenplatte bei %1 µm (die rote Markierung am Regler) unscharf abgebildet und verrauscht; jedes Panel zeigt die Entfaltung einer Methode, bewertet an der bekannten Referenz. Öffnen Sie Ihr eigenes Bild mit Datei ▸ Öffnen.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="640"/>
        <location filename="../app/gui/mainwindow.cpp" line="648"/>
        <source>Cannot blur</source>
        <translation>Unscharfe Abbildung nicht möglich</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="640"/>
        <source>Open an image and wait for the kernel to be computed.</source>
        <translation>Öffnen Sie ein Bild und warten Sie, bis der Faltungskern berechnet ist.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="651"/>
        <source>%1 (blurred)</source>
        <translation>%1 (unscharf)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="675"/>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 px</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="676"/>
        <source>, %n slice(s)</source>
        <translation>
            <numerusform>, %n Schicht</numerusform>
            <numerusform>, %n Schichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="677"/>
        <source>, %n channel(s)</source>
        <translation>
            <numerusform>, %n Kanal</numerusform>
            <numerusform>, %n Kanäle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="678"/>
        <source>, %n frame(s)</source>
        <translation>
            <numerusform>, %n Zeitpunkt</numerusform>
            <numerusform>, %n Zeitpunkte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="680"/>
        <source>, pixel %1 nm</source>
        <translation>, Pixel %1 nm</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="727"/>
        <source>  plane %1 of %2</source>
        <translation>  Ebene %1 von %2</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="734"/>
        <source>computing…</source>
        <translation>wird berechnet…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="753"/>
        <location filename="../app/gui/mainwindow.cpp" line="784"/>
        <source> · PSNR %1 dB</source>
        <translation> · PSNR %1 dB</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="755"/>
        <location filename="../app/gui/mainwindow.cpp" line="786"/>
        <source> · SSIM %1</source>
        <translation> · SSIM %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="767"/>
        <source>No ground truth: File ▸ Open Ground Truth.</source>
        <translation>Keine Referenz: Datei ▸ Referenz (Ground Truth) öffnen.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="772"/>
        <source>known: PSNR and SSIM are measured against it</source>
        <translation>bekannt: PSNR und SSIM werden daran gemessen</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="782"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="816"/>
        <source>One view of the network; the average of %1 views follows…</source>
        <translation>Eine Ansicht des Netzes; das Mittel aus %1 Ansichten folgt…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="817"/>
        <source>Preview of the visible region at %1 µm; the whole image follows…</source>
        <translation>Vorschau des sichtbaren Ausschnitts bei %1 µm; das ganze Bild folgt…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="842"/>
        <source>Nothing to deblur</source>
        <translation>Nichts zu entfalten</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="842"/>
        <source>Open an image or a stack first.</source>
        <translation>Öffnen Sie zuerst ein Bild oder einen Stapel.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="857"/>
        <source>Stack %v/%m</source>
        <translation>Stapel %v/%m</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="873"/>
        <location filename="../app/gui/mainwindow.cpp" line="1005"/>
        <source>Deblur the whole stack first (Compute menu).</source>
        <translation>Entfalten Sie zuerst den ganzen Stapel (Menü Berechnen).</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="922"/>
        <source>%1 did not finish every plane; export one file per method instead.</source>
        <translation>%1 hat nicht alle Ebenen fertiggestellt; exportieren Sie stattdessen eine Datei pro Methode.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="961"/>
        <source>Wrote the stack results of %n method(s).</source>
        <translation>
            <numerusform>Stapelergebnisse von %n Methode geschrieben.</numerusform>
            <numerusform>Stapelergebnisse von %n Methoden geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="996"/>
        <source>%1 is the image the results were computed from; choose another name so that it is not overwritten.</source>
        <translation>%1 ist das Bild, aus dem die Ergebnisse berechnet wurden; wählen Sie einen anderen Namen, damit es nicht überschrieben wird.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1008"/>
        <source>One file per method, float32</source>
        <translation>Eine Datei pro Methode, float32</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1009"/>
        <source>One file per method, 16-bit</source>
        <translation>Eine Datei pro Methode, 16 Bit</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1009"/>
        <source>One file, the methods as channels, float32</source>
        <translation>Eine Datei, die Methoden als Kanäle, float32</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1010"/>
        <source>One file, the methods as channels, 16-bit</source>
        <translation>Eine Datei, die Methoden als Kanäle, 16 Bit</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1012"/>
        <location filename="../app/gui/mainwindow.cpp" line="1019"/>
        <source>Export Stack Results</source>
        <translation>Stapelergebnisse exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1013"/>
        <source>Layout and sample type (values in the input&apos;s own scale):</source>
        <translation>Anordnung und Datentyp (Werte im eigenen Maßstab der Eingabe):</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1018"/>
        <source>stack</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1039"/>
        <source>Computing: %1</source>
        <translation>Berechnung läuft: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="873"/>
        <location filename="../app/gui/mainwindow.cpp" line="1005"/>
        <location filename="../app/gui/mainwindow.cpp" line="1052"/>
        <source>Nothing to export</source>
        <translation>Nichts zu exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1052"/>
        <source>Open an image first.</source>
        <translation>Öffnen Sie zuerst ein Bild.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="957"/>
        <location filename="../app/gui/mainwindow.cpp" line="995"/>
        <location filename="../app/gui/mainwindow.cpp" line="1066"/>
        <location filename="../app/gui/mainwindow.cpp" line="1076"/>
        <location filename="../app/gui/mainwindow.cpp" line="1086"/>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="1069"/>
        <source>Wrote %1 (%n panel(s)).</source>
        <translation>
            <numerusform>%1 geschrieben (%n Panel).</numerusform>
            <numerusform>%1 geschrieben (%n Panels).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1079"/>
        <location filename="../app/gui/mainwindow.cpp" line="1089"/>
        <source>Wrote %1.</source>
        <translation>%1 geschrieben.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1021"/>
        <location filename="../app/gui/mainwindow.cpp" line="1100"/>
        <source>TIFF (*.tif *.tiff)</source>
        <translation>TIFF (*.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1099"/>
        <source>OME-TIFF (*.ome.tif *.ome.tiff)</source>
        <translation>OME-TIFF (*.ome.tif *.ome.tiff)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1101"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1101"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1103"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1153"/>
        <source>a CUDA device is available; the network runs on %1</source>
        <translation>ein CUDA-Gerät ist verfügbar; das Netz läuft auf %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1154"/>
        <source>none; everything runs on the CPU</source>
        <translation>keine; alles läuft auf der CPU</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1155"/>
        <source>&lt;h3&gt;LatentLens %1&lt;/h3&gt;&lt;p&gt;Non-blind deblurring for fluorescence microscopy with a deformable latent space.&lt;/p&gt;&lt;p&gt;Built on Qt %2 and:&lt;/p&gt;&lt;ul&gt;%3&lt;/ul&gt;&lt;p&gt;GPU: %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LatentLens %1&lt;/h3&gt;&lt;p&gt;Nicht-blinde Entfaltung für die Fluoreszenzmikroskopie mit einem deformierbaren latenten Raum.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2 und:&lt;/p&gt;&lt;ul&gt;%3&lt;/ul&gt;&lt;p&gt;GPU: %4&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1164"/>
        <source>About LatentLens</source>
        <translation>Über LatentLens</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1172"/>
        <source>LatentLens User Guide</source>
        <translation>LatentLens-Benutzerhandbuch</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1189"/>
        <source>LatentLens</source>
        <translation>LatentLens</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1190"/>
        <source>%1 — LatentLens</source>
        <translation>%1 — LatentLens</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1210"/>
        <source>Training is running</source>
        <translation>Training läuft</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="1211"/>
        <source>Stop training and quit? The last finished epoch is kept in %1; Resume in the Training panel continues from it.</source>
        <translation>Training beenden und LatentLens schließen? Die zuletzt abgeschlossene Epoche bleibt in %1 erhalten; „Fortsetzen“ im Bereich „Training“ setzt dort fort.</translation>
    </message>
</context>
<context>
    <name>latentlens::app::MethodPanel</name>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="25"/>
        <source>Wiener</source>
        <translation>Wiener-Filter</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="27"/>
        <source>Automatic (UPRE from the noise level)</source>
        <translation>Automatisch (UPRE aus dem Rauschpegel)</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="29"/>
        <source>Choose the regularisation per plane by UPRE from the estimated noise</source>
        <translation>Die Regularisierung für jede Ebene per UPRE aus dem geschätzten Rauschen wählen</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="39"/>
        <source>Noise-to-signal ratio λ: larger is smoother</source>
        <translation>Rausch-Signal-Verhältnis λ: größer glättet stärker</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="42"/>
        <source>NSR λ</source>
        <translation>NSR λ</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="46"/>
        <source>Richardson–Lucy</source>
        <translation>Richardson-Lucy</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="51"/>
        <source>automatic stop</source>
        <translation>automatischer Abbruch</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="53"/>
        <source>0 stops when the fit reaches the noise level</source>
        <translation>0: Abbruch, sobald die Anpassung den Rauschpegel erreicht</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="55"/>
        <source>The most iterations the automatic stop may take</source>
        <translation>Höchstzahl der Iterationen beim automatischen Abbruch</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="59"/>
        <source>Automatic TV weight</source>
        <translation>Automatisches TV-Gewicht</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="60"/>
        <source>Set the total-variation weight from the estimated noise</source>
        <translation>Das Totalvariations-Gewicht aus dem geschätzten Rauschen bestimmen</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="68"/>
        <source>Total-variation regularisation (Dey et al.); 0: none</source>
        <translation>Totalvariations-Regularisierung (Dey et al.); 0: keine</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="69"/>
        <source>Biggs–Andrews acceleration</source>
        <translation>Biggs-Andrews-Beschleunigung</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="72"/>
        <source>Extrapolate between iterations: the same result in fewer steps</source>
        <translation>Zwischen den Iterationen extrapolieren: dasselbe Ergebnis in weniger Schritten</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="78"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="79"/>
        <source>Stop Richardson–Lucy now</source>
        <translation>Richardson-Lucy jetzt anhalten</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="85"/>
        <source>Iterations</source>
        <translation>Iterationen</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="86"/>
        <source>At most</source>
        <translation>Höchstens</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="88"/>
        <source>TV weight</source>
        <translation>TV-Gewicht</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="95"/>
        <source>Hyper-Laplacian</source>
        <translation>Hyper-Laplace</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="103"/>
        <source>Exponent of the gradient prior; 2/3 and 1/2 are solved exactly</source>
        <translation>Exponent des Gradienten-Priors; 2/3 und 1/2 werden exakt gelöst</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="104"/>
        <source>Automatic λ from the noise level</source>
        <translation>Automatisches λ aus dem Rauschpegel</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="105"/>
        <source>Set the data weight from the estimated noise</source>
        <translation>Das Datengewicht aus dem geschätzten Rauschen bestimmen</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="112"/>
        <source>Weight of the data term: larger follows the data more closely</source>
        <translation>Gewicht des Datenterms: größer folgt den Daten enger</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="113"/>
        <source>Paper preset (α 2/3, λ 2000)</source>
        <translation>Voreinstellung der Publikation (α 2/3, λ 2000)</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="114"/>
        <source>Krishnan and Fergus&apos;s published setting</source>
        <translation>Die veröffentlichte Einstellung von Krishnan und Fergus</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="116"/>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="118"/>
        <source>λ</source>
        <translation>λ</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="131"/>
        <source>Network model</source>
        <translation>Netzmodell</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="134"/>
        <source>The network model the comparison uses; empty: the default model</source>
        <translation>Das im Vergleich verwendete Netzmodell; leer: das Standardmodell</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="136"/>
        <source>the default model</source>
        <translation>das Standardmodell</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="137"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="138"/>
        <source>Choose a model file (.llm)</source>
        <translation>Eine Modelldatei (.llm) auswählen</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="139"/>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="140"/>
        <source>Use the model shipped with LatentLens</source>
        <translation>Das mit LatentLens ausgelieferte Modell verwenden</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="149"/>
        <source>Views: the model&apos;s own</source>
        <translation>Ansichten: die des Modells</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="150"/>
        <source>1 view (fastest)</source>
        <translation>1 Ansicht (am schnellsten)</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="152"/>
        <source>Average of %1 views</source>
        <translation>Mittel aus %1 Ansichten</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="153"/>
        <source>How many mirrored views of each tile the network averages: more views are slower and score a little higher. The model&apos;s own count is the one its scores were measured with.</source>
        <translation>Wie viele gespiegelte Ansichten jeder Kachel das Netz mittelt: mehr Ansichten sind langsamer und erreichen etwas höhere Werte. Mit der Anzahl des Modells wurden seine Werte gemessen.</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="162"/>
        <source>Choose Model</source>
        <translation>Modell auswählen</translation>
    </message>
    <message>
        <location filename="../app/gui/methodpanel.cpp" line="163"/>
        <source>LatentLens models (*.llm *.ckpt);;All files (*)</source>
        <translation>LatentLens-Modelle (*.llm *.ckpt);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>latentlens::app::ProbePanel</name>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="55"/>
        <source>Simulated zone plate</source>
        <translation>Simulierte Zonenplatte</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="56"/>
        <source>Probe file (ptychography, PSF)</source>
        <translation>Sondendatei (Ptychographie, PSF)</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="57"/>
        <source>Simulate the zone plate&apos;s probe, or use a probe or PSF from a file</source>
        <translation>Die Sonde der Zonenplatte simulieren oder eine Sonde bzw. PSF aus einer Datei verwenden</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="63"/>
        <location filename="../app/gui/probepanel.cpp" line="102"/>
        <source> keV</source>
        <translation> keV</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="63"/>
        <source>Photon energy</source>
        <translation>Photonenenergie</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="65"/>
        <source>Numerical aperture of the zone plate</source>
        <translation>Numerische Apertur der Zonenplatte</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="68"/>
        <source>Central stop diameter as a fraction of the zone plate&apos;s</source>
        <translation>Durchmesser der Zentralblende als Anteil des Zonenplattendurchmessers</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="70"/>
        <source> µm</source>
        <translation> µm</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="71"/>
        <source>Zone plate diameter (sets the focal length)</source>
        <translation>Durchmesser der Zonenplatte (bestimmt die Brennweite)</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="72"/>
        <location filename="../app/gui/probepanel.cpp" line="98"/>
        <location filename="../app/gui/probepanel.cpp" line="134"/>
        <source> nm</source>
        <translation> nm</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="73"/>
        <source>Pixel size of the simulated probe field</source>
        <translation>Pixelgröße des simulierten Sondenfelds</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="78"/>
        <source>The probe field is simulated on N × N pixels</source>
        <translation>Das Sondenfeld wird auf N × N Pixeln simuliert</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="79"/>
        <location filename="../app/gui/probepanel.cpp" line="107"/>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="80"/>
        <source>NA</source>
        <translation>NA</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="81"/>
        <source>Central stop</source>
        <translation>Zentralblende</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="82"/>
        <source>Diameter</source>
        <translation>Durchmesser</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="83"/>
        <location filename="../app/gui/probepanel.cpp" line="106"/>
        <source>Probe pixel</source>
        <translation>Sondenpixel</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="84"/>
        <source>Field</source>
        <translation>Feldgröße</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="90"/>
        <source>Import Probe…</source>
        <translation>Sonde importieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="91"/>
        <source>A complex probe (.ptyr, .h5, .mat, .npy, .npz, TIFF real/imaginary pages) or a measured PSF</source>
        <translation>Eine komplexe Sonde (.ptyr, .h5, .mat, .npy, .npz, TIFF-Seiten Real-/Imaginärteil) oder eine gemessene PSF</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="93"/>
        <source>No probe file loaded.</source>
        <translation>Keine Sondendatei geladen.</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="99"/>
        <source>Pixel size of the probe or PSF in the file; 0 when unknown</source>
        <translation>Pixelgröße der Sonde oder PSF in der Datei; 0, wenn unbekannt</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="101"/>
        <location filename="../app/gui/probepanel.cpp" line="105"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="103"/>
        <source>Photon energy of a complex probe (needed to propagate it); 0 when unknown</source>
        <translation>Photonenenergie einer komplexen Sonde (zur Propagation nötig); 0, wenn unbekannt</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="114"/>
        <source>Import Probe</source>
        <translation>Sonde importieren</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="115"/>
        <source>Probes (*.ptyr *.h5 *.hdf5 *.mat *.npy *.npz *.tif *.tiff);;All files (*)</source>
        <translation>Sonden (*.ptyr *.h5 *.hdf5 *.mat *.npy *.npz *.tif *.tiff);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="119"/>
        <source>Could not import %1: %2</source>
        <translation>%1 konnte nicht importiert werden: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="123"/>
        <source>Kernel</source>
        <translation>Faltungskern</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="128"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="130"/>
        <source>The kernel is cropped to N × N image pixels</source>
        <translation>Der Faltungskern wird auf N × N Bildpixel zugeschnitten</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="132"/>
        <source>Keep the probe inside this fraction of the field&apos;s half-width (0: all)</source>
        <translation>Sonde innerhalb dieses Anteils der halben Feldbreite halten (0: alles)</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="135"/>
        <source>Pixel size of the image; 0 uses the probe&apos;s own pixel size</source>
        <translation>Pixelgröße des Bildes; 0 verwendet die Pixelgröße der Sonde</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="136"/>
        <source>probe&apos;s</source>
        <translation>wie Sonde</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="139"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="140"/>
        <source>Support</source>
        <translation>Träger</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="141"/>
        <source>Image pixel</source>
        <translation>Bildpixel</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="146"/>
        <source>Linear</source>
        <translation>Linear</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="147"/>
        <source>Logarithmic</source>
        <translation>Logarithmisch</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="148"/>
        <source>Draw the kernel on a linear or a logarithmic scale</source>
        <translation>Den Faltungskern linear oder logarithmisch darstellen</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="153"/>
        <source>The kernel appears here.</source>
        <translation>Hier erscheint der Faltungskern.</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="159"/>
        <source>Radial profile</source>
        <translation>Radialprofil</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="170"/>
        <source>Kernel display</source>
        <translation>Kerndarstellung</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="284"/>
        <source>The file gives %1 nm pixels.</source>
        <translation>Die Datei gibt eine Pixelgröße von %1 nm an.</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="285"/>
        <source>The file gives no pixel size.</source>
        <translation>Die Datei gibt keine Pixelgröße an.</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="294"/>
        <source>The image has no pixel size: the kernel keeps the probe&apos;s sampling (%1 nm per pixel). Enter the image&apos;s pixel size above if it differs.</source>
        <translation>Das Bild hat keine Pixelgröße: Der Faltungskern behält die Abtastung der Sonde (%1 nm pro Pixel). Geben Sie oben die Pixelgröße des Bildes ein, falls sie abweicht.</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="299"/>
        <source>The kernel is resampled from the probe&apos;s %1 nm pixels to %2 nm: check that both pixel sizes are right.</source>
        <translation>Der Faltungskern wird von den %1-nm-Pixeln der Sonde auf %2 nm neu abgetastet: Prüfen Sie, ob beide Pixelgrößen stimmen.</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="304"/>
        <source>The kernel is smaller than one image pixel (%1% of its energy in one pixel): there is little blur to remove, and deblurring mostly amplifies noise.</source>
        <translation>Der Faltungskern ist kleiner als ein Bildpixel (%1 % seiner Energie in einem Pixel): Es gibt kaum Unschärfe zu entfernen, und die Entfaltung verstärkt vor allem das Rauschen.</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="309"/>
        <source>The kernel is wide for this image: half its energy lies within %1 px of its centre, for an image of %2 × %3 px. Check the pixel sizes.</source>
        <translation>Der Faltungskern ist für dieses Bild breit: Die Hälfte seiner Energie liegt innerhalb von %1 px um sein Zentrum, bei einem Bild von %2 × %3 px. Prüfen Sie die Pixelgrößen.</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="334"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, %3</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="338"/>
        <source>&lt;br&gt;A complex probe: it is propagated to the defocus.</source>
        <translation>&lt;br&gt;Eine komplexe Sonde: Sie wird zum Defokus propagiert.</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="339"/>
        <source>&lt;br&gt;An intensity PSF: used as it is, so the defocus slider is off.</source>
        <translation>&lt;br&gt;Eine Intensitäts-PSF: Sie wird unverändert verwendet, daher ist der Defokus-Regler deaktiviert.</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="415"/>
        <source>%1 × %2 px at %3 µm; 50% of the energy within %4 px%5</source>
        <translation>%1 × %2 px bei %3 µm; 50 % der Energie innerhalb von %4 px%5</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="420"/>
        <source> (%1 nm pixels)</source>
        <translation> (%1-nm-Pixel)</translation>
    </message>
    <message>
        <location filename="../app/gui/probepanel.cpp" line="431"/>
        <source>radius (px)</source>
        <translation>Radius (px)</translation>
    </message>
</context>
<context>
    <name>latentlens::app::TrainingPanel</name>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="46"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="48"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="49"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="75"/>
        <source>folders or image files, separated by &apos;;&apos;</source>
        <translation>Ordner oder Bilddateien, getrennt durch „;“</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="76"/>
        <source>Clean images of your samples. The last few files are held out for validation.</source>
        <translation>Scharfe, rauscharme Bilder Ihrer Proben. Die letzten Dateien werden für die Validierung zurückgehalten.</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="78"/>
        <source>Add Folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="79"/>
        <source>Add a folder of clean images to the training data</source>
        <translation>Einen Ordner mit scharfen, rauscharmen Bildern zu den Trainingsdaten hinzufügen</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="84"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="86"/>
        <source>Training Images</source>
        <translation>Trainingsbilder</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="92"/>
        <source>Defocus values (µm) the deformer learns; it also learns between them</source>
        <translation>Defokuswerte (µm), die der Deformer lernt; er lernt auch die Werte dazwischen</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="94"/>
        <source>Defocus (µm)</source>
        <translation>Defokus (µm)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="97"/>
        <source>Stage 1 trains the encoder and decoder at this defocus; it must be one of the list</source>
        <translation>Stufe 1 trainiert Encoder und Decoder bei diesem Defokus; er muss einer der Listenwerte sein</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="99"/>
        <source>Reference (µm)</source>
        <translation>Referenz (µm)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="102"/>
        <source>Kernel-aware (the exact kernel through Wiener)</source>
        <translation>Kernbasiert (der exakte Faltungskern über Wiener-Filter)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="104"/>
        <source>Paper (Guan et al. 2022)</source>
        <translation>Publikation (Guan et al. 2022)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="105"/>
        <source>The kernel-aware network also sees the Wiener estimate made with the exact kernel and the noise level, and has a third stage; the paper&apos;s network sees the defocus alone</source>
        <translation>Das kernbasierte Netz sieht zusätzlich die mit dem exakten Faltungskern und dem Rauschpegel berechnete Wiener-Schätzung und hat eine dritte Stufe; das Netz der Publikation sieht nur den Defokus</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="108"/>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="109"/>
        <source>Epochs of stage 1 (encoder and decoder)</source>
        <translation>Epochen der Stufe 1 (Encoder und Decoder)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="110"/>
        <source>Epochs of stage 2 (deformer)</source>
        <translation>Epochen der Stufe 2 (Deformer)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="112"/>
        <source>Epochs of stage 3 (everything together; kernel-aware network only)</source>
        <translation>Epochen der Stufe 3 (alles gemeinsam; nur kernbasiertes Netz)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="121"/>
        <source>Batches per epoch</source>
        <translation>Batches pro Epoche</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="122"/>
        <source>Crops per batch</source>
        <translation>Ausschnitte pro Batch</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="125"/>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="127"/>
        <source>Batches</source>
        <translation>Batches</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="131"/>
        <source>Crop</source>
        <translation>Ausschnitt</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="138"/>
        <source>Small (CPU: width 32, latent 64)</source>
        <translation>Klein (CPU: Breite 32, latent 64)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="139"/>
        <source>Paper (GPU: width 64, latent 256)</source>
        <translation>Publikation (GPU: Breite 64, latent 256)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="140"/>
        <source>Model size</source>
        <translation>Modellgröße</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="142"/>
        <source>Automatic (GPU if available)</source>
        <translation>Automatisch (GPU, falls verfügbar)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="143"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="144"/>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="145"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="150"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="151"/>
        <source>Choose where the trained model is saved</source>
        <translation>Auswählen, wo das trainierte Modell gespeichert wird</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="155"/>
        <source>Model file</source>
        <translation>Modelldatei</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="158"/>
        <source>Save Model As</source>
        <translation>Modell speichern unter</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="158"/>
        <source>LatentLens models (*.llm)</source>
        <translation>LatentLens-Modelle (*.llm)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="163"/>
        <source>The model file to write; its checkpoint is kept beside it</source>
        <translation>Die zu schreibende Modelldatei; ihr Checkpoint wird daneben abgelegt</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="164"/>
        <source>Network widths: small trains on a CPU, the paper&apos;s wants a GPU</source>
        <translation>Netzbreiten: „Klein“ lässt sich auf der CPU trainieren, die der Publikation erfordert eine GPU</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="165"/>
        <source>Where to train</source>
        <translation>Wo trainiert wird</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="172"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="173"/>
        <source>Train a new model from the first epoch</source>
        <translation>Ein neues Modell ab der ersten Epoche trainieren</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="174"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="175"/>
        <source>Stop after the running batch; the last finished epoch is kept</source>
        <translation>Nach dem laufenden Batch anhalten; die zuletzt abgeschlossene Epoche bleibt erhalten</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="176"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="177"/>
        <source>Continue from the checkpoint of the last finished epoch</source>
        <translation>Vom Checkpoint der zuletzt abgeschlossenen Epoche fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="178"/>
        <source>Use the New Model</source>
        <translation>Neues Modell verwenden</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="179"/>
        <source>Replace the model the comparison uses with the one just trained</source>
        <translation>Das im Vergleich verwendete Modell durch das soeben trainierte ersetzen</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="206"/>
        <source>Not running.</source>
        <translation>Läuft nicht.</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="211"/>
        <source>Training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="214"/>
        <source>batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="222"/>
        <source>stage 1 (f, g)</source>
        <translation>Stufe 1 (f, g)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="223"/>
        <source>stage 2 (deformer)</source>
        <translation>Stufe 2 (Deformer)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="224"/>
        <source>stage 3 (all)</source>
        <translation>Stufe 3 (alle)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="233"/>
        <source>Validation PSNR per kernel (dB)</source>
        <translation>Validierungs-PSNR pro Faltungskern (dB)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="236"/>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="276"/>
        <source>Choose the folder of training images.</source>
        <translation>Wählen Sie den Ordner mit den Trainingsbildern.</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="280"/>
        <source>The data holds no PNG, JPEG or TIFF images.</source>
        <translation>Die Daten enthalten keine PNG-, JPEG- oder TIFF-Bilder.</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="293"/>
        <source>&quot;%1&quot; is not a defocus in µm.</source>
        <translation>„%1“ ist kein Defokus in µm.</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="300"/>
        <source>List at least two defocus values.</source>
        <translation>Geben Sie mindestens zwei Defokuswerte an.</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="307"/>
        <source>The reference defocus must be one of the listed values.</source>
        <translation>Der Referenzdefokus muss einer der angegebenen Werte sein.</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="318"/>
        <source>The crop must be a multiple of 4 and at least the kernel size (%1 px).</source>
        <translation>Der Ausschnitt muss ein Vielfaches von 4 und mindestens so groß wie der Faltungskern (%1 px) sein.</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="419"/>
        <location filename="../app/gui/trainingpanel.cpp" line="617"/>
        <source>Choose where to save the model.</source>
        <translation>Wählen Sie, wo das Modell gespeichert werden soll.</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="422"/>
        <source>Cannot start: %1</source>
        <translation>Start nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="440"/>
        <source>Resuming from the checkpoint…</source>
        <translation>Wird vom Checkpoint fortgesetzt…</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="441"/>
        <source>Reading the training images…</source>
        <translation>Trainingsbilder werden gelesen…</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="499"/>
        <source>%1 µm</source>
        <translation>%1 µm</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="541"/>
        <source>, about %1 left</source>
        <translation>, noch etwa %1</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="543"/>
        <source>Stage %1, epoch %2 of %3, batch %4 of %5: loss %6%7</source>
        <translation>Stufe %1, Epoche %2 von %3, Batch %4 von %5: Verlust %6%7</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="592"/>
        <source>Done in %1: %2.</source>
        <translation>Fertig in %1: %2.</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="594"/>
        <source> No held-out images to score it on (give at least five files).</source>
        <translation> Keine zurückgehaltenen Bilder zur Bewertung (geben Sie mindestens fünf Dateien an).</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="596"/>
        <source> On the held-out images the new model reaches %1 dB, the model in use %2 dB.</source>
        <translation> Auf den zurückgehaltenen Bildern erreicht das neue Modell %1 dB, das verwendete Modell %2 dB.</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="600"/>
        <source> On the held-out images the new model reaches %1 dB; the model in use cannot be scored on them (%2).</source>
        <translation> Auf den zurückgehaltenen Bildern erreicht das neue Modell %1 dB; das verwendete Modell lässt sich darauf nicht bewerten (%2).</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="603"/>
        <source>none</source>
        <translation>keine Angabe</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="604"/>
        <source> The comparison keeps its model until you choose Use the New Model.</source>
        <translation> Der Vergleich behält sein Modell, bis Sie „Neues Modell verwenden“ wählen.</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="577"/>
        <source>Stopped. Resume continues after the last finished epoch.</source>
        <translation>Angehalten. „Fortsetzen“ macht nach der zuletzt abgeschlossenen Epoche weiter.</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="114"/>
        <source>Stage 1 epochs</source>
        <translation>Epochen Stufe 1</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="115"/>
        <source>Stage 2 epochs</source>
        <translation>Epochen Stufe 2</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="116"/>
        <source>Stage 3 epochs</source>
        <translation>Epochen Stufe 3</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="129"/>
        <source>Training crops are N × N: a multiple of 4, at least the kernel size (64)</source>
        <translation>Trainingsausschnitte sind N × N Pixel groß: ein Vielfaches von 4, mindestens die Größe des Faltungskerns (64)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingpanel.cpp" line="582"/>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>latentlens::app::VolumeDock</name>
    <message>
        <location filename="../app/gui/volumedock.cpp" line="117"/>
        <location filename="../app/gui/volumedock.cpp" line="206"/>
        <source>Open a stack (two or more z planes) to see it in 3-D.</source>
        <translation>Öffnen Sie einen Stapel (zwei oder mehr z-Ebenen), um ihn in 3-D zu sehen.</translation>
    </message>
    <message>
        <location filename="../app/gui/volumedock.cpp" line="123"/>
        <source>The stack: drag to turn, right-drag or wheel to zoom, middle-drag to move</source>
        <translation>Der Stapel: Ziehen dreht, Rechts-Ziehen oder Mausrad zoomt, Mittel-Ziehen verschiebt</translation>
    </message>
    <message>
        <location filename="../app/gui/volumedock.cpp" line="127"/>
        <source>The method&apos;s result for the whole stack, seen by the same camera</source>
        <translation>Das Ergebnis der Methode für den ganzen Stapel, mit derselben Kamera gesehen</translation>
    </message>
    <message>
        <location filename="../app/gui/volumedock.cpp" line="133"/>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <location filename="../app/gui/volumedock.cpp" line="143"/>
        <source>The probe&apos;s intensity (log scale) along the beam over the defocus slider&apos;s range; the blue plane is the current defocus</source>
        <translation>Die Intensität der Sonde (logarithmisch) entlang des Strahls über den Bereich des Defokus-Reglers; die blaue Ebene ist der aktuelle Defokus</translation>
    </message>
    <message>
        <location filename="../app/gui/volumedock.cpp" line="146"/>
        <source>Caustic</source>
        <translation>Kaustik</translation>
    </message>
    <message>
        <location filename="../app/gui/volumedock.cpp" line="204"/>
        <source>This image has a single z plane: open a stack to see it in 3-D.</source>
        <translation>Dieses Bild hat nur eine z-Ebene: Öffnen Sie einen Stapel, um ihn in 3-D zu sehen.</translation>
    </message>
    <message>
        <location filename="../app/gui/volumedock.cpp" line="210"/>
        <source>Preparing the volume…</source>
        <translation>Volumen wird vorbereitet…</translation>
    </message>
    <message>
        <location filename="../app/gui/volumedock.cpp" line="244"/>
        <source>The caustic is drawn for the simulated zone plate; choose &quot;Simulated zone plate&quot; in the Probe panel.</source>
        <translation>Die Kaustik wird für die simulierte Zonenplatte gezeichnet; wählen Sie „Simulierte Zonenplatte“ im Sonden-Panel.</translation>
    </message>
    <message>
        <location filename="../app/gui/volumedock.cpp" line="256"/>
        <source>Computing the caustic (%1 planes)…</source>
        <translation>Kaustik wird berechnet (%1 Ebenen)…</translation>
    </message>
    <message>
        <location filename="../app/gui/volumedock.cpp" line="295"/>
        <source>The caustic could not be computed: %1</source>
        <translation>Die Kaustik konnte nicht berechnet werden: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/volumedock.cpp" line="298"/>
        <source>The volume could not be prepared: %1</source>
        <translation>Das Volumen konnte nicht vorbereitet werden: %1</translation>
    </message>
</context>
<context>
    <name>latentlens::widgets::ComparisonGrid</name>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="33"/>
        <source>Panels</source>
        <translation>Panels</translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="34"/>
        <source>Choose the methods shown</source>
        <translation>Angezeigte Methoden auswählen</translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="39"/>
        <source>Contrast</source>
        <translation>Kontrast</translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="42"/>
        <source>Auto, each panel</source>
        <translation>Automatisch, je Panel</translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="43"/>
        <source>Auto, like the input</source>
        <translation>Automatisch, wie die Eingabe</translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="44"/>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="45"/>
        <source>Auto: 0.1 and 99.9 percentiles shown as black and white</source>
        <translation>Automatisch: 0,1- und 99,9-Perzentil als Schwarz und Weiß dargestellt</translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="56"/>
        <source>Value shown as the darkest colour</source>
        <translation>Als dunkelste Farbe dargestellter Wert</translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="57"/>
        <source>Value shown as the brightest colour</source>
        <translation>Als hellste Farbe dargestellter Wert</translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="59"/>
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="62"/>
        <source>Colour map of every panel</source>
        <translation>Farbskala für alle Panels</translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="68"/>
        <source>Wheel: zoom · drag: pan · Shift+drag: line profile</source>
        <translation>Mausrad: Zoomen · Ziehen: Verschieben · Umschalt+Ziehen: Linienprofil</translation>
    </message>
    <message>
        <location filename="../widgets/comparisongrid.cpp" line="420"/>
        <source>x %1, y %2: %3</source>
        <translation>x %1, y %2: %3</translation>
    </message>
</context>
<context>
    <name>latentlens::widgets::DefocusControl</name>
    <message>
        <location filename="../widgets/defocuscontrol.cpp" line="25"/>
        <source>Defocus</source>
        <translation>Defokus</translation>
    </message>
    <message>
        <location filename="../widgets/defocuscontrol.cpp" line="28"/>
        <source>Defocus of the probe: drag, or use the arrow keys</source>
        <translation>Defokus der Sonde: ziehen oder die Pfeiltasten verwenden</translation>
    </message>
    <message>
        <location filename="../widgets/defocuscontrol.cpp" line="33"/>
        <source> µm</source>
        <translation> µm</translation>
    </message>
    <message>
        <location filename="../widgets/defocuscontrol.cpp" line="35"/>
        <source>Defocus of the probe in µm, to 0.01 µm</source>
        <translation>Defokus der Sonde in µm, auf 0,01 µm genau</translation>
    </message>
    <message>
        <location filename="../widgets/defocuscontrol.cpp" line="138"/>
        <source>No model: the network methods are off.</source>
        <translation>Kein Modell: Die Netzmethoden sind deaktiviert.</translation>
    </message>
    <message>
        <location filename="../widgets/defocuscontrol.cpp" line="143"/>
        <source>Model trained at %1 µm (marked); values between are interpolated by the network.</source>
        <translation>Modell trainiert bei %1 µm (markiert); Werte dazwischen interpoliert das Netz.</translation>
    </message>
    <message>
        <location filename="../widgets/defocuscontrol.cpp" line="148"/>
        <source>True blur of this image: %1 µm (the red mark).</source>
        <translation>Tatsächliche Unschärfe dieses Bildes: %1 µm (die rote Markierung).</translation>
    </message>
</context>
<context>
    <name>latentlens::widgets::LineProfileView</name>
    <message>
        <location filename="../widgets/lineprofileview.cpp" line="25"/>
        <source>Shift-drag across any panel of the grid to plot every method along that line.</source>
        <translation>Ziehen Sie mit gedrückter Umschalttaste über ein beliebiges Panel des Rasters, um alle Methoden entlang dieser Linie darzustellen.</translation>
    </message>
    <message>
        <location filename="../widgets/lineprofileview.cpp" line="43"/>
        <source>distance along the line (px)</source>
        <translation>Abstand entlang der Linie (px)</translation>
    </message>
    <message>
        <location filename="../widgets/lineprofileview.cpp" line="46"/>
        <source>value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>latentlens::widgets::VtkOpenGLView</name>
    <message>
        <location filename="../widgets/vtkopenglview.cpp" line="87"/>
        <source>No OpenGL context could be created.</source>
        <translation>Es konnte kein OpenGL-Kontext erzeugt werden.</translation>
    </message>
    <message>
        <location filename="../widgets/vtkopenglview.cpp" line="93"/>
        <source>OpenGL %1.%2 is too old: the 3-D view needs 3.2 or newer.</source>
        <translation>OpenGL %1.%2 ist zu alt: Die 3-D-Ansicht braucht 3.2 oder neuer.</translation>
    </message>
    <message>
        <location filename="../widgets/vtkopenglview.cpp" line="264"/>
        <source>OpenGL is switched off for this view.</source>
        <translation>OpenGL ist für diese Ansicht abgeschaltet.</translation>
    </message>
    <message>
        <location filename="../widgets/vtkopenglview.cpp" line="291"/>
        <source>The 3-D view is not available: %1
The 2-D views work without it; an OpenGL 3.2 driver (or Mesa&apos;s software renderer) enables it.</source>
        <translation>Die 3-D-Ansicht ist nicht verfügbar: %1
Die 2-D-Ansichten funktionieren ohne sie; ein OpenGL-3.2-Treiber (oder Mesas Software-Renderer) macht sie möglich.</translation>
    </message>
    <message>
        <location filename="../widgets/vtkopenglview.cpp" line="353"/>
        <source>no OpenGL context could be created on this display.</source>
        <translation>auf diesem Bildschirm konnte kein OpenGL-Kontext erzeugt werden.</translation>
    </message>
    <message>
        <location filename="../widgets/vtkopenglview.cpp" line="360"/>
        <source>the OpenGL context could not be made current.</source>
        <translation>der OpenGL-Kontext konnte nicht aktiviert werden.</translation>
    </message>
    <message>
        <location filename="../widgets/vtkopenglview.cpp" line="366"/>
        <source>the display offers OpenGL %1.%2; 3.2 or newer is needed.</source>
        <translation>der Bildschirm bietet OpenGL %1.%2; 3.2 oder neuer wird gebraucht.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="91"/>
        <source>LatentLens studio: non-blind deblurring for fluorescence microscopy. Without a file it opens the built-in demo.</source>
        <translation>LatentLens Studio: nicht-blinde Entfaltung für die Fluoreszenzmikroskopie. Ohne Datei öffnet es die eingebaute Demo.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="96"/>
        <source>Image to open.</source>
        <translation>Zu öffnendes Bild.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="98"/>
        <source>When every method has finished (or a training run with --train-demo), save a picture of the window to &lt;png&gt; and quit (for documentation).</source>
        <translation>Wenn alle Methoden fertig sind (oder ein Trainingslauf mit --train-demo), ein Bild des Fensters als &lt;png&gt; speichern und beenden (für die Dokumentation).</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="103"/>
        <source>Use the opened image as the ground truth: blur it with the probe at the current defocus and deblur that.</source>
        <translation>Das geöffnete Bild als Referenz verwenden: Es mit der Sonde beim aktuellen Defokus unscharf abbilden und das Ergebnis entfalten.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="107"/>
        <source>Show the training panel and train a short demonstration run (3 + 3 epochs of 10 batches) on the images in &lt;folder&gt;, saving the model to the system&apos;s temporary folder.</source>
        <translation>Den Bereich „Training“ anzeigen und einen kurzen Demonstrationslauf (3 + 3 Epochen zu je 10 Batches) mit den Bildern in &lt;folder&gt; trainieren; das Modell wird im temporären Ordner des Systems gespeichert.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="113"/>
        <source>Draw the line profile from (x1, y1) to (x2, y2), in image pixels.</source>
        <translation>Das Linienprofil von (x1, y1) nach (x2, y2) zeichnen, in Bildpixeln.</translation>
    </message>
</context>
</TS>
