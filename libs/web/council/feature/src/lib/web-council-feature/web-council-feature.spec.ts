import { ComponentFixture, TestBed } from '@angular/core/testing';
import { WebCouncilFeature } from './web-council-feature';

describe('WebCouncilFeature', () => {
  let component: WebCouncilFeature;
  let fixture: ComponentFixture<WebCouncilFeature>;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [WebCouncilFeature],
    }).compileComponents();

    fixture = TestBed.createComponent(WebCouncilFeature);
    component = fixture.componentInstance;
    await fixture.whenStable();
  });

  it('should create', () => {
    expect(component).toBeTruthy();
  });
});
