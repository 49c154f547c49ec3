//! Labelled sentences for the commitment extractor: every cue family, each exclusion,
//! multi-act sentences, pronoun addressees, single-party actors, headed documents and
//! near-misses. Each case is a small statement of the same family as the shipped one,
//! with Ruritania and Freedonia as parties.

use communique::analysis::{Analysis, CommitmentKind, Lexicons, analyse};
use communique::document::Statement;

use CommitmentKind::*;

const HEADER: &str = "Joint statement\n\nissued on the occasion of the meeting between H.E. Ms B. Sample, Prime Minister of Ruritania, and H.E. Mr C. Other, President of Freedonia\n\n  • 14 Mar. 2019 -\n\n";
const AUTHORS: &str = "Ruritania and Freedonia";

/// (kind, actor, addressee) of every act in a body under the standard header.
fn acts(body: &str) -> Vec<(CommitmentKind, String, Option<String>)> {
    acts_of_text(&format!("{HEADER}{body}\n"))
}

/// (kind, actor, addressee) of every act in a whole text.
fn acts_of_text(text: &str) -> Vec<(CommitmentKind, String, Option<String>)> {
    let statement = Statement::parse(text, "test");
    let analysis = analyse(&statement, Lexicons::embedded());
    analysis
        .commitments
        .iter()
        .map(|c| {
            (
                c.kind,
                c.actor(&analysis).to_string(),
                c.addressee(&analysis).map(str::to_string),
            )
        })
        .collect()
}

fn by_authors(
    kind: CommitmentKind,
    addressee: Option<&str>,
) -> (CommitmentKind, String, Option<String>) {
    (kind, AUTHORS.to_string(), addressee.map(str::to_string))
}

/// A body and the acts it must yield (all by the authors): kind and addressee.
type Case<'a> = (&'a str, &'a [(CommitmentKind, Option<&'a str>)]);

/// A body and the acts it must yield, each with its actor.
type ActorCase<'a> = (&'a str, Vec<(CommitmentKind, &'a str, Option<&'a str>)>);

fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for (body, expected) in cases {
        let got = acts(body);
        let want: Vec<_> = expected.iter().map(|&(k, a)| by_authors(k, a)).collect();
        if got != want {
            failures.push(format!("{body}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn commit_family() {
    check(&[
        (
            "We will continue to support the reform of the security sector.",
            &[(Commit, None)],
        ),
        (
            "We pledge to increase our contributions to the trust fund.",
            &[(Commit, None)],
        ),
        (
            "We resolve to strengthen our cooperation on maritime security.",
            &[(Commit, None)],
        ),
        (
            "We are determined to defeat terrorism in all its forms.",
            &[(Commit, None)],
        ),
        (
            "We agreed to establish a joint working group on cyber defence.",
            &[(Commit, None)],
        ),
        (
            "We intend to hold regular consultations at all levels.",
            &[(Commit, None)],
        ),
        (
            "We stand ready to assist the affected countries.",
            &[(Commit, None)],
        ),
        (
            "The two leaders decided to launch a strategic dialogue.",
            &[(Commit, None)],
        ),
        (
            "We will not recognise the illegal annexation of the peninsula.",
            &[(Commit, None)],
        ),
        (
            "We must redouble our efforts to counter disinformation.",
            &[(Commit, None)],
        ),
        (
            "We shall meet again in the capital next year.",
            &[(Commit, None)],
        ),
        (
            "We commit to expanding our exchanges on emerging technologies.",
            &[(Commit, None)],
        ),
        (
            "Together, we are ready to deepen our practical cooperation.",
            &[(Commit, None)],
        ),
        (
            "We are firmly committed to the goal of a world without nuclear weapons.",
            &[(Commit, None)],
        ),
    ]);
}

#[test]
fn reaffirm_family() {
    check(&[
        (
            "We reaffirm our commitment to the purposes and principles of the UN Charter.",
            &[(Reaffirm, None)],
        ),
        (
            "We reiterate our call for the complete denuclearisation of the peninsula.",
            &[(Reaffirm, None)],
        ),
        (
            "We remain committed to a free and open Indo-Pacific.",
            &[(Reaffirm, None)],
        ),
        (
            "We remain united in our support for the people of the region.",
            &[(Reaffirm, None)],
        ),
        (
            "We uphold the principles of sovereignty and territorial integrity.",
            &[(Reaffirm, None)],
        ),
        (
            "We adhere to the obligations of international humanitarian law.",
            &[(Reaffirm, None)],
        ),
        (
            "The two leaders reaffirmed their commitment to the rules-based international order.",
            &[(Reaffirm, None)],
        ),
    ]);
}

#[test]
fn demand_family() {
    check(&[
        (
            "We call upon Moscow to withdraw all its forces immediately.",
            &[(Demand, Some("Moscow"))],
        ),
        (
            "We demand that Russia immediately withdraw its forces from the territory.",
            &[(Demand, Some("Russia"))],
        ),
        (
            "We encourage all parties to engage in a constructive dialogue.",
            &[(Demand, Some("all parties"))],
        ),
        (
            "Iran must cease all enrichment activities without delay.",
            &[(Demand, Some("Iran"))],
        ),
        (
            "All parties should refrain from actions that raise tensions.",
            &[(Demand, Some("all parties"))],
        ),
        (
            "Those responsible must be held accountable.",
            &[(Demand, None)],
        ),
        (
            "We call for the immediate release of all hostages.",
            &[(Demand, None)],
        ),
        (
            "We are determined that Russia will pay for the damage it has caused.",
            &[(Demand, Some("Russia"))],
        ),
        (
            "We request the Secretary General to report on progress by June.",
            &[(Demand, Some("the Secretary General"))],
        ),
        (
            "We appeal to all states to implement the sanctions fully.",
            &[(Demand, Some("all states"))],
        ),
        (
            "We expect China to play a constructive role in the region.",
            &[(Demand, Some("China"))],
        ),
        (
            "The international community must act without delay.",
            &[(Demand, Some("the international community"))],
        ),
        (
            "Disputes should be resolved through dialogue and in accordance with international law.",
            &[(Demand, None)],
        ),
        (
            "We strongly urge the regime to release all political prisoners.",
            &[(Demand, Some("the regime"))],
        ),
        (
            "There must be accountability for these crimes.",
            &[(Demand, None)],
        ),
    ]);
}

#[test]
fn condemn_family() {
    check(&[
        (
            "We condemn in the strongest terms the missile launches of last week.",
            &[(Condemn, None)],
        ),
        (
            "We strongly deplore the loss of civilian lives.",
            &[(Condemn, None)],
        ),
        (
            "We denounce the use of chemical weapons by anyone, anywhere.",
            &[(Condemn, None)],
        ),
        (
            "We strongly oppose any unilateral attempts to change the status quo by force or coercion.",
            &[(Condemn, None)],
        ),
        (
            "We reject the so-called referendums held in the occupied regions.",
            &[(Condemn, None)],
        ),
        (
            "We unequivocally condemn terrorism in all its forms and manifestations.",
            &[(Condemn, None)],
        ),
    ]);
}

#[test]
fn concern_family() {
    check(&[
        (
            "We are deeply concerned by the rapid expansion of the nuclear arsenal.",
            &[(Concern, None)],
        ),
        (
            "We remain concerned about the humanitarian situation in the region.",
            &[(Concern, None)],
        ),
        (
            "We note with concern the growing number of cyber attacks.",
            &[(Concern, None)],
        ),
        (
            "We are alarmed by reports of forced deportations.",
            &[(Concern, None)],
        ),
        (
            "We express grave concern over the deteriorating security situation.",
            &[(Concern, None)],
        ),
    ]);
}

#[test]
fn support_family() {
    check(&[
        (
            "We welcome the progress made in the implementation of the partnership programme.",
            &[(Support, None)],
        ),
        (
            "We commend the work of the liaison office.",
            &[(Support, None)],
        ),
        (
            "We support the efforts of the UN Secretary-General to find a peaceful solution.",
            &[(Support, None)],
        ),
        (
            "We appreciate the contribution of our partners to regional security.",
            &[(Support, None)],
        ),
        (
            "We endorse the new action plan on women, peace and security.",
            &[(Support, None)],
        ),
        (
            "We recognise the importance of a free and open maritime order.",
            &[(Support, None)],
        ),
        (
            "We stand in solidarity with the people of the region.",
            &[(Support, None)],
        ),
        (
            "We thank the host for the excellent organisation of the meeting.",
            &[(Support, None)],
        ),
        (
            "We encourage further cooperation between the two navies.",
            &[(Support, None)],
        ),
        (
            "We stress the importance of peace and stability across the strait.",
            &[(Support, None)],
        ),
    ]);
}

#[test]
fn exclusions_and_near_misses() {
    check(&[
        ("We discussed our commitment to maritime security.", &[]),
        (
            "We discussed how we can intensify our cooperation on cyber defence.",
            &[],
        ),
        ("We note the progress on practical cooperation.", &[]),
        ("These include maritime security and cyber defence.", &[]),
        ("This will allow us to work more effectively together.", &[]),
        (
            "Ruritania and Freedonia are reliable and natural partners.",
            &[],
        ),
        ("The leaders met in the capital on 14 March.", &[]),
        (
            "The report recalls that “the committee urged restraint in 1999.”",
            &[],
        ),
        ("In 1999, the committee urged restraint.", &[]),
        (
            "North Korea will continue its provocations unless it is stopped.",
            &[],
        ),
        ("This should help build trust between the two sides.", &[]),
        (
            "It should be noted that the meeting took place in a cordial atmosphere.",
            &[],
        ),
        ("The support of our partners is essential.", &[]),
        ("Political will is needed to move forward.", &[]),
        (
            "We look forward to welcoming the delegation next year.",
            &[],
        ),
        (
            "The ministers value the partnership's support to the region.",
            &[(Support, None)],
        ),
        ("Our partners' support is welcome.", &[]),
        ("Will the talks resume?", &[]),
    ]);
}

#[test]
fn multi_act_sentences() {
    check(&[
        (
            "We express serious concern about the violations of human rights and strongly urge the authorities to release all detainees.",
            &[(Concern, None), (Demand, Some("the authorities"))],
        ),
        (
            "We condemn the attack and call on the perpetrators to surrender.",
            &[(Condemn, None), (Demand, Some("the perpetrators"))],
        ),
        (
            "We urged all States to implement the resolutions and called on the parties to resume talks.",
            &[(Demand, Some("all States")), (Demand, Some("the parties"))],
        ),
        (
            "We will help the victims and will continue to support the reconstruction.",
            &[(Commit, None)],
        ),
        (
            "We welcome the agreement and support its swift implementation.",
            &[(Support, None)],
        ),
        (
            "We reaffirm our support for the mission and will increase our contribution.",
            &[(Reaffirm, None), (Commit, None)],
        ),
        (
            "We welcome the ceasefire, which must be respected by all sides, and will monitor its implementation.",
            &[(Support, None), (Commit, None)],
        ),
    ]);
}

#[test]
fn pronoun_addressees() {
    check(&[
        (
            "We call on all member states of the United Nations to implement the resolutions. We urge them to make further efforts.",
            &[
                (Demand, Some("all member states of the United Nations")),
                (Demand, Some("all member states of the United Nations")),
            ],
        ),
        (
            "We urge Iran to return to the talks. It must also stop its support for armed groups.",
            &[(Demand, Some("Iran")), (Demand, Some("Iran"))],
        ),
        (
            "The militias continue to attack civilians. We call on them to lay down their arms.",
            &[(Demand, Some("the militias"))],
        ),
    ]);
}

#[test]
fn single_party_and_reported_actors() {
    let cases: &[ActorCase] = &[
        (
            "Ruritania welcomes the new office, and Freedonia appreciates the exchange of officers.",
            vec![(Support, "Ruritania", None), (Support, "Freedonia", None)],
        ),
        (
            "The two leaders met in the capital. Building on the 2017 statement, they reaffirmed their close ties.",
            vec![(Reaffirm, AUTHORS, None)],
        ),
        (
            "Ruritania welcomes the decision of Freedonia to open an embassy.",
            vec![(Support, "Ruritania", None)],
        ),
        (
            "Freedonia will host the next meeting.",
            vec![(Commit, "Freedonia", None)],
        ),
        // The statement names its parties "Freedonia and Ruritania": the actor follows it.
        (
            "Freedonia and Ruritania will hold joint exercises.",
            vec![(Commit, "Freedonia and Ruritania", None)],
        ),
        (
            "Both sides agreed to expand their cooperation.",
            vec![(Commit, AUTHORS, None)],
        ),
        // Someone else's act, reported: not the authors'.
        (
            "The members of the Security Council condemned in the strongest terms the attack.",
            vec![],
        ),
    ];
    for (body, want) in cases {
        let want: Vec<_> = want
            .iter()
            .map(|(k, a, t)| (*k, a.to_string(), t.map(str::to_string)))
            .collect();
        assert_eq!(acts(body), want, "{body}");
    }
}

#[test]
fn a_body_speaks_for_itself_in_its_own_statements() {
    let text = "Security Council Press Statement on the Attack\n\nThe following press statement was issued today by the Council President:\n\nThe members of the Security Council condemned in the strongest terms the attack. They urged all States to cooperate.\n";
    assert_eq!(
        acts_of_text(text),
        [
            (Condemn, "UN Security Council".to_string(), None),
            (
                Demand,
                "UN Security Council".to_string(),
                Some("all States".to_string())
            )
        ]
    );
}

#[test]
fn allies_speak_for_nato() {
    let text = "Joint statement\n\nissued on the occasion of the meeting between the NATO Secretary General, H.E. Mr A. Example and H.E. Ms B. Sample, Prime Minister of Ruritania\n\nThe Allies will continue to support Ruritania. Ruritania appreciates the support of the Allies. Ruritania and NATO will work together.\n";
    let got: Vec<(CommitmentKind, String)> = acts_of_text(text)
        .into_iter()
        .map(|(kind, actor, _)| (kind, actor))
        .collect();
    assert_eq!(
        got,
        [
            (Commit, "NATO".into()),
            (Support, "Ruritania".into()),
            (Commit, "Ruritania and NATO".into())
        ]
    );
}

#[test]
fn actor_without_parties_comes_from_the_first_sentence_subject() {
    let statement = Statement::parse(
        "Statement\n\nJapan and Canada held talks today. We condemn the attack.\n",
        "t",
    );
    let analysis = analyse(&statement, Lexicons::embedded());
    assert_eq!(analysis.commitments[0].actor(&analysis), "Japan and Canada");
    // Names communique does not know are never guessed from an "X and Y" phrase.
    for text in [
        "Statement\n\nRuritania and Freedonia held talks today. We condemn the attack.\n",
        "Statement\n\nPeace and Stability are our aims. We condemn the attack.\n",
        "Statement\n\nWe condemn the attack.\n",
    ] {
        let statement = Statement::parse(text, "t");
        let analysis = analyse(&statement, Lexicons::embedded());
        assert_eq!(
            analysis.commitments[0].actor(&analysis),
            "the authors",
            "{text}"
        );
    }
}

#[test]
fn headed_document_keeps_sections_and_topics() {
    let body = "A changing security environment\nThe international community is facing grave threats. We condemn the missile launches by North Korea.\n\nDeepening our partnership\nWe decided to deepen our cooperation on cyber defence.";
    let statement = Statement::parse(&format!("{HEADER}{body}\n"), "test");
    let analysis = analyse(&statement, Lexicons::embedded());
    let acts: Vec<_> = analysis
        .commitments
        .iter()
        .map(|c| {
            (
                c.kind,
                analysis
                    .section_title(&analysis.sections[analysis.act_section(c)])
                    .to_string(),
            )
        })
        .collect();
    assert_eq!(
        acts,
        [
            (Condemn, "A changing security environment".into()),
            (Commit, "Deepening our partnership".into())
        ]
    );
    let cyber = analysis
        .topic_names
        .iter()
        .position(|t| t == "Cyber defence")
        .unwrap();
    assert!(
        analysis
            .act_topics(&analysis.commitments[1])
            .contains(&cyber)
    );
}

#[test]
fn each_section_keeps_its_own_topics() {
    let body = "We condemn the missile launches by North Korea.\n\nWe decided to deepen our cooperation on cyber defence.\n\nWe note the weather.";
    let statement = Statement::parse(&format!("{HEADER}{body}\n"), "test");
    let analysis = analyse(&statement, Lexicons::embedded());
    let topics: Vec<Vec<&str>> = analysis
        .sections
        .iter()
        .map(|s| {
            let topics = analysis.topics_of(s).iter();
            topics.map(|&t| analysis.topic_name(t)).collect()
        })
        .collect();
    assert_eq!(topics.len(), 3, "{topics:?}");
    assert!(topics[0].contains(&"North Korea"), "{topics:?}");
    assert!(!topics[0].contains(&"Cyber defence"), "{topics:?}");
    assert!(topics[1].contains(&"Cyber defence"), "{topics:?}");
    assert!(!topics[1].contains(&"North Korea"), "{topics:?}");
    assert!(topics[2].is_empty(), "{topics:?}");
    // The lists lie one after another, with nothing between.
    let ranges: Vec<_> = analysis.sections.iter().map(|s| s.topics()).collect();
    assert!(ranges.windows(2).all(|w| w[0].end == w[1].start));
    assert_eq!(ranges[2].end, analysis.section_topics.len());
    // So are the titles, each readable on its own.
    let titles: Vec<_> = analysis.sections.iter().map(|s| s.title()).collect();
    assert!(titles.windows(2).all(|w| w[0].end == w[1].start));
    assert_eq!(titles[2].end, analysis.section_titles.len());
    for section in &analysis.sections {
        let title = analysis.section_title(section);
        assert!(
            !title.is_empty() && title.chars().count() <= 40,
            "{title:?}"
        );
    }
    // Before the analysis, the pending sections are titled the same way.
    let pending = Analysis::pending(&statement);
    let shown: Vec<&str> = pending
        .sections
        .iter()
        .map(|s| pending.section_title(s))
        .collect();
    assert_eq!(shown, ["Joint statement"]);
}

#[test]
fn intensity_cue_and_object() {
    let statement = Statement::parse(
        &format!(
            "{HEADER}We condemn in the strongest terms the attack on the embassy. We strongly urge the regime to stop. We express our concern about the situation in the region. We welcome the talks.\n"
        ),
        "t",
    );
    let analysis = analyse(&statement, Lexicons::embedded());
    let got: Vec<(u8, &str, String)> = analysis
        .commitments
        .iter()
        .map(|c| {
            (
                c.intensity,
                c.cue(&statement),
                c.object(&statement).to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (2, "condemn", "the attack on the embassy".to_string()),
            (1, "urge", "stop".to_string()),
            (
                0,
                "express our concern",
                "the situation in the region".to_string()
            ),
            (0, "welcome", "the talks".to_string()),
        ]
    );
    let p = &statement.paragraphs[0];
    for c in &analysis.commitments {
        assert_eq!(&p.text[c.cue_range().0..c.cue_range().1], c.cue(&statement));
    }
}

#[test]
fn objects_are_whole_and_shortened_only_to_draw() {
    let long = format!(
        "We are committed to {}.",
        "strengthening our cooperation in every area of common concern ".repeat(5)
    );
    let statement = Statement::parse(&format!("{HEADER}{long}\n"), "t");
    let analysis = analyse(&statement, Lexicons::embedded());
    let act = &analysis.commitments[0];
    let object = act.object(&statement);
    assert!(
        object.chars().count() > 120 && !object.contains('…'),
        "whole: {object}"
    );
    assert!(object.starts_with("strengthening our cooperation"));
    assert!(object.ends_with("common concern"));
    let short = act.object_short(&statement, 120);
    assert!(short.chars().count() <= 120, "{short}");
    assert!(short.ends_with('…'), "a cut object says so");
}

#[test]
fn markdown_emphasis_keeps_the_intensity_of_its_words() {
    let text = "---\ntitle: Joint Statement of Ruritania and Freedonia\n---\n\nWe condemn **in the strongest terms** the attack on the embassy. We *strongly* urge Borduria to stop.\n";
    let statement = Statement::parse_with(text, "t", Some(true));
    let analysis = analyse(&statement, Lexicons::embedded());
    let got: Vec<(CommitmentKind, u8, &str)> = analysis
        .commitments
        .iter()
        .map(|c| (c.kind, c.intensity, c.object(&statement)))
        .collect();
    assert_eq!(
        got,
        [
            (Condemn, 2, "the attack on the embassy"),
            (Demand, 1, "stop")
        ]
    );
    assert!(!statement.paragraphs[0].text.contains('*'));
}
